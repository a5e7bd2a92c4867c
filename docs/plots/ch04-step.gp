# Chapter 4: one step downhill (old b3 - step size) and the article's
# wrong-way step (old b3 + step size), both from b3 = 0.
f = data."/chapter4.csv"
stats f using (is("start") ? column("b3") : NaN) nooutput
x0 = STATS_mean
stats f using (is("start") ? column("ssr") : NaN) nooutput
y0 = STATS_mean
stats f using (is("step") ? column("b3") : NaN) nooutput
x1 = STATS_mean
stats f using (is("step") ? column("ssr") : NaN) nooutput
y1 = STATS_mean
stats f using (is("wrong_way") ? column("b3") : NaN) nooutput
x2 = STATS_mean
stats f using (is("wrong_way") ? column("ssr") : NaN) nooutput
y2 = STATS_mean

set title "One step of gradient descent, and the wrong way"
set xlabel "b3"
set ylabel "SSR"
set yrange [0:*]
set arrow 1 from x0, y0 to x1, y1 head filled size screen 0.02,20 lw 2 lc rgb good
set arrow 2 from x0, y0 to x2, y2 head filled size screen 0.02,20 lw 2 lc rgb bad
plot f using "b3":(is("bowl") ? column("ssr") : NaN) with lines lw 2.5 lc rgb bowl \
        title "SSR(b3)", \
     f using "b3":(is("start") ? column("ssr") : NaN) with points pt 7 ps 1.3 lc rgb ink \
        title sprintf("start: b3 = %.2f, SSR = %.2f", x0, y0), \
     f using "b3":(is("step") ? column("ssr") : NaN) with points pt 7 ps 1.3 lc rgb good \
        title sprintf("old - step: b3 = %.4f, SSR = %.4f", x1, y1), \
     f using "b3":(is("wrong_way") ? column("ssr") : NaN) with points pt 7 ps 1.3 lc rgb bad \
        title sprintf("old + step: b3 = %.4f, SSR = %.2f", x2, y2)
