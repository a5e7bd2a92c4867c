# Chapter 3: the tangent to the bowl at b3 = 0, whose slope is dSSR/db3.
f = data."/chapter3.csv"
stats f using (column("b3") == 0 ? column("dssr_db3") : NaN) nooutput
slope = STATS_mean
stats f using "ssr" nooutput
top = STATS_max

set title "The slope of the bowl at b3 = 0"
set xlabel "b3"
set ylabel "SSR"
set yrange [0:top]
plot f using "b3":"ssr" with lines lw 2.5 lc rgb bowl title "SSR(b3)", \
     f using "b3":"tangent" with lines lw 2 dt 2 lc rgb bad \
        title sprintf("tangent at b3 = 0, slope %.2f", slope), \
     f using "b3":(column("b3") == 0 ? column("ssr") : NaN) with points pt 7 ps 1.3 \
        lc rgb ink notitle
