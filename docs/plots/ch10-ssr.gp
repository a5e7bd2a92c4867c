# Chapter 10: the SSR at each step of the descent on the generated samples,
# on a log scale. The CSV comes from a run allowed more gradients than the
# default limit (see mk/docs.mk), so the picture shows where the
# program's plain run stops, at that limit, and where the descent converges.
f = data."/chapter10.csv"
# The default limit of gradients, read from where the options get it.
limit = int(real(system("awk -F'[=,]' '/\\.max_steps *=/ { printf \"%d\", $2 }' code/support/cli.c")))
if (!(limit > 0)) {
    print "ch10-ssr.gp: no .max_steps = N in the defaults of code/support/cli.c"
    exit status 1
}
stats f using "step" nooutput
last = STATS_max
stats f using (column("step") == last ? column("ssr") : NaN) nooutput
ssr_end = STATS_mean
stats f using (column("step") == limit ? column("ssr") : NaN) nooutput
ssr_limit = STATS_mean

set title "The SSR at each step (log scale)"
set xlabel "step"
set ylabel "SSR"
set logscale y
set format y "10^{/=15 %L}"
plot f using "step":"ssr" with lines lw 2.5 lc rgb bowl title "SSR", \
     f using "step":(column("step") == limit ? column("ssr") : NaN) with points pt 7 ps 1.3 \
        lc rgb bad title sprintf("step %d, the default limit: SSR = %.1f", limit, ssr_limit), \
     f using "step":(column("step") == last ? column("ssr") : NaN) with points pt 7 ps 1.3 \
        lc rgb good title sprintf("step %d, converged: SSR = %.2f", last, ssr_end)
