# Chapter 1: the three samples, and the network's curve at the starting b3
# and at the b3 that fits best. The fitted curve is the start lifted by b3.
f = data."/chapter1.csv"
stats f using (is("start") ? column("y") : NaN) nooutput
start_mean = STATS_mean
stats f using (is("fitted") ? column("y") : NaN) nooutput
lift = STATS_mean - start_mean

set title "The network's prediction against the samples"
set xlabel "dosage x"
set ylabel "effectiveness"
set offsets 0.05, 0.05, 0.3, 0.3
plot f using "x":(is("start") ? column("y") : NaN) with lines lw 2.5 lc rgb bad \
        title "b3 = 0, the starting guess", \
     f using "x":(is("fitted") ? column("y") : NaN) with lines lw 2.5 lc rgb good \
        title sprintf("b3 = %.4f, the bottom of the bowl", lift), \
     f using "x":(is("sample") ? column("y") : NaN) with points pt 7 ps 1.5 lc rgb ink \
        title "the three samples"
