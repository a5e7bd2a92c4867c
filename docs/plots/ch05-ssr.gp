# Chapter 5: the SSR at each step, on a log scale. Its distance above the
# bowl's lowest value shrinks by one factor per step, so it falls straight
# down the log scale until it levels off at that lowest value.
f = data."/chapter5.csv"

set title "The SSR at each step (log scale)"
set xlabel "step"
set ylabel "SSR"
set logscale y
set format y "10^{/=15 %L}"
set xtics 1
plot f using "step":"ssr" with linespoints lw 2 pt 7 ps 1.1 lc rgb bowl title "SSR"
