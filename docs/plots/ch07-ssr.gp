# Chapter 7: the SSR at each step while all seven parameters descend, on
# log scales. The first steps overshoot and the SSR jumps up before it falls;
# then a long, nearly flat stretch; then the fit is found and the SSR drops
# by orders of magnitude. The steps are on a log scale too: the rise takes
# the first few of some 500 steps, which a plain scale squeezes against the
# axis. Each of the first ten steps is marked.
f = data."/chapter7.csv"
stats f using "step" nooutput
last = STATS_max
stats f using (column("step") == last ? column("ssr") : NaN) nooutput
ssr_end = STATS_mean

set title "The SSR at each step (log scales)"
set xlabel "step (log scale)"
set logscale x
set format x "%g"
set ylabel "SSR"
set logscale y
set format y "10^{/=15 %L}"
plot f using "step":"ssr" with lines lw 2.5 lc rgb bowl title "SSR", \
     f using "step":(column("step") <= 10 ? column("ssr") : NaN) with points pt 7 ps 0.6 \
        lc rgb bowl notitle, \
     f using "step":(column("step") == last ? column("ssr") : NaN) with points pt 7 ps 1.3 \
        lc rgb good title sprintf("step %d, where it stops: SSR = %.6f", last, ssr_end)
