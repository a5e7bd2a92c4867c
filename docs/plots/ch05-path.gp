# Chapter 5: where each step of the descent computed its slope, on the bowl
# that chapter 2 draws.
bowl_data = data."/chapter2.csv"
path = data."/chapter5.csv"
stats path using "step" nooutput
rows = STATS_records

set title "Gradient descent down the bowl"
set xlabel "b3"
set ylabel "SSR"
set yrange [0:*]
plot bowl_data using "b3":"ssr" with lines lw 2.5 lc rgb bowl title "SSR(b3)", \
     path using "b3":"ssr" with linespoints lw 1.5 pt 7 ps 1.1 lc rgb bad \
        title sprintf("the %d steps, in order", rows)
