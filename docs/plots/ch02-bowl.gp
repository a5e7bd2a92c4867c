# Chapter 2: the SSR as b3 moves, everything else fixed: a bowl.
f = data."/chapter2.csv"
stats f using "ssr" nooutput
lowest = STATS_min
stats f using (column("ssr") == lowest ? column("b3") : NaN) nooutput
lowest_b3 = STATS_mean
stats f using (column("b3") == 0 ? column("ssr") : NaN) nooutput
start_ssr = STATS_mean

set title "The SSR against b3: a bowl"
set xlabel "b3"
set ylabel "SSR"
set yrange [0:*]
plot f using "b3":"ssr" with lines lw 2.5 lc rgb bowl title "SSR(b3)", \
     f using "b3":(column("b3") == 0 ? column("ssr") : NaN) with points pt 7 ps 1.3 \
        lc rgb bad title sprintf("b3 = 0: SSR = %.2f", start_ssr), \
     f using "b3":(column("ssr") == lowest ? column("ssr") : NaN) with points pt 7 ps 1.3 \
        lc rgb good title sprintf("lowest point drawn: b3 = %.3f", lowest_b3)
