# Chapter 9: the time of one whole gradient by finite differences and by
# backpropagation, against the number of parameters, both axes on a log
# scale, from the measurement the guide keeps (docs/measurements/chapter9.csv).
# Dashed: the straight lines fitted through the last four sizes, as the
# program fits them (least squares on the logarithms), extended to a
# million parameters, where the dotted line stands.
f = data."/chapter9.csv"
stats f using 1 nooutput
rows = STATS_records
first = rows > 4 ? rows - 4 : 0
stats f every ::first using (log10(column(1))):(log10(column(2))) nooutput
fd_k = STATS_slope
fd_c = STATS_intercept
stats f every ::first using (log10(column(1))):(log10(column(3))) nooutput
bp_k = STATS_slope
bp_c = STATS_intercept
stats f every ::first::first using 1 nooutput
from = STATS_min
fd_line(p) = 10 ** (fd_c + fd_k * log10(p)) / 1e9
bp_line(p) = 10 ** (bp_c + bp_k * log10(p)) / 1e9

# Four lines of key below the plot: a little taller than the other pictures.
set terminal svg size 560,560 dynamic enhanced font "DejaVu Sans,15" background rgb "white"
set title "One whole gradient: measured or derived (log-log)"
set xlabel "parameters"
set ylabel "seconds per gradient"
set logscale xy
set format x "10^{/=15 %L}"
set format y "10^{/=15 %L}"
set xrange [5:2e6]
set yrange [1e-7:1e6]
set arrow from 1e6, 1e-7 to 1e6, 1e6 nohead dt 3 lw 1 lc rgb "#999999"
plot f using 1:($2 / 1e9) with linespoints pt 7 ps 1.1 lw 2 lc rgb bad \
        title "finite differences: 2 passes per parameter", \
     f using 1:($3 / 1e9) with linespoints pt 5 ps 1.0 lw 2 lc rgb good \
        title "backpropagation: 1 forward, 1 backward pass", \
     [from:2e6] fd_line(x) with lines dt 2 lw 1.5 lc rgb bad \
        title sprintf("fitted: parameters^{/=15 %.2f}, extended", fd_k), \
     [from:2e6] bp_line(x) with lines dt 2 lw 1.5 lc rgb good \
        title sprintf("fitted: parameters^{/=15 %.2f}, extended", bp_k)
