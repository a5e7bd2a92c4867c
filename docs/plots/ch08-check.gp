# Chapter 8: the relative error between each derived slope and its measured
# one, per parameter, on a log scale: at the article's point, at the random
# points, and with the planted mistake. Each parameter's seven rows of the
# CSV come in the same order, so a row's place in its block of seven names
# its column here; the points sit side by side within it.
f = data."/chapter8.csv"
# The tolerance the chapter uses, read from the header that defines it.
tolerance = real(system("awk '$1 == \"#define\" && $2 == \"GRADIENT_CHECK_TOLERANCE\" " \
    . "{ printf \"%.17g\", $3 }' code/nn.h"))
if (!(tolerance > 0)) {
    print "ch08-check.gp: no GRADIENT_CHECK_TOLERANCE in code/nn.h"
    exit status 1
}
stats f using (strcol("point") eq "mistake" ? column("relative_error") : NaN) nooutput
worst = STATS_max

slot(offset) = int(column(0)) % 7 + offset
at(name) = strcol("point") eq name ? column("relative_error") : NaN

set title "Derived against measured slopes: the relative error (log scale)"
set xlabel "parameter"
set ylabel "relative error"
set logscale y
set format y "10^{/=15 %L}"
set yrange [1e-14:10]
set xrange [-0.5:6.5]
set grid noxtics
set arrow from -0.5, tolerance to 6.5, tolerance nohead dt 2 lw 1.5 lc rgb ink front
set label sprintf("the tolerance, %g: above it a slope is WRONG", tolerance) \
    at -0.4, tolerance * 3 left tc rgb ink front
plot f using (slot(-0.15)):(at("article")):xtic(strcol("parameter")) \
        with points pt 7 ps 1.2 lc rgb bowl title "the article's point", \
     f using (slot(0.0)):(strcol("point") ne "article" && strcol("point") ne "mistake" \
            ? column("relative_error") : NaN) \
        with points pt 6 ps 1.0 lc rgb "#777777" title "the random points", \
     f using (slot(0.15)):(at("mistake")) with points pt 9 ps 1.6 lc rgb bad \
        title sprintf("with the planted mistake (w1: %.2g)", worst)
