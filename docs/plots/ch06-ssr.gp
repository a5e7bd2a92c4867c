# Chapter 6: the SSR at each step while w3, w4 and b3 descend together, on a
# log scale. After a few uneven steps it falls along a straight line: the
# distance to the bottom shrinks by about the same factor every step, a
# factor close to 1 because the bowl is long and shallow in one direction.
f = data."/chapter6.csv"
stats f using "step" nooutput
last = STATS_max
stats f using (column("step") == last ? column("ssr") : NaN) nooutput
ssr_end = STATS_mean

set title "The SSR at each step (log scale)"
set xlabel "step"
set ylabel "SSR"
set logscale y
set format y "10^{/=15 %L}"
plot f using "step":"ssr" with lines lw 2.5 lc rgb bowl title "SSR", \
     f using "step":(column("step") == last ? column("ssr") : NaN) with points pt 7 ps 1.3 \
        lc rgb good title sprintf("step %d, where it stops: SSR = %.5f", last, ssr_end)
