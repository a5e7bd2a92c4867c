# Chapter 10: the curve the generated samples lie on, and the network's curve
# at the start, at the default limit of gradients (where the program's plain
# run stops) and where the longer run of the CSV converges.
#
# The samples are the article's network with b3 set to the value fast_curve()
# in chapters/10-scale/tuned/fast.c gives it, read from there. That network is chapter 1's
# starting curve (the article's weights, b3 = 0) moved up by that b3.
f = data."/chapter10.csv"
samples = data."/chapter1.csv"
curve_b3 = real(system("awk '$1 == \"fitted.b3\" && $2 == \"=\" " \
    . "{ sub(\";\", \"\", $3); printf \"%.17g\", $3 }' chapters/10-scale/tuned/fast.c"))
if (!(curve_b3 > 0)) {
    print "ch10-fit.gp: no line fitted.b3 = VALUE; in fast_curve() of chapters/10-scale/tuned/fast.c"
    exit status 1
}
limit = int(real(system("awk -F'[=,]' '/\\.max_steps *=/ { printf \"%d\", $2 }' code/support/cli.c")))
if (!(limit > 0)) {
    print "ch10-fit.gp: no .max_steps = N in the defaults of code/support/cli.c"
    exit status 1
}
# stats reads every row: the assignments keep the parameters of the first
# row (w1s to b3s), of row `limit` (w1m to b3m) and, overwritten row after
# row, those of the last (w1e to b3e).
stats f using (column("step") == 1 ? (w1s = column("w1"), b1s = column("b1"), \
        w2s = column("w2"), b2s = column("b2"), w3s = column("w3"), \
        w4s = column("w4"), b3s = column("b3")) : 0, \
    column("step") == limit ? (w1m = column("w1"), b1m = column("b1"), \
        w2m = column("w2"), b2m = column("b2"), w3m = column("w3"), \
        w4m = column("w4"), b3m = column("b3")) : 0, \
    w1e = column("w1"), b1e = column("b1"), w2e = column("w2"), b2e = column("b2"), \
    w3e = column("w3"), w4e = column("w4"), b3e = column("b3"), \
    last = column("step")) nooutput

set title "Fitting all seven parameters to the generated samples"
set xlabel "dosage x"
set ylabel "effectiveness"
set offsets 0, 0, 0.2, 0.95
plot samples using "x":(is("start") ? column("y") + curve_b3 : NaN) with lines lw 10 \
        lc rgb "#b9cde8" title sprintf("the samples: the article's curve, b3 = %g", curve_b3), \
     predicted(x, w1s, b1s, w2s, b2s, w3s, w4s, b3s) with lines lw 2.5 lc rgb bad \
        title "the start", \
     predicted(x, w1m, b1m, w2m, b2m, w3m, w4m, b3m) with lines lw 2.5 dt 2 lc rgb ink \
        title sprintf("step %d, the default limit", limit), \
     predicted(x, w1e, b1e, w2e, b2e, w3e, w4e, b3e) with lines lw 2.5 lc rgb good \
        title sprintf("step %d, converged", last)
