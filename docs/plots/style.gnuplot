# Read before every chNN-*.gp script: an SVG that scales with the page, CSV
# input with a header row, and the colours every picture shares.
# 560 pixels wide with 15-pixel text: on a phone, whose page is about 360
# pixels wide, the text is still drawn at more than 9 pixels. The key sits
# below the plot, where it cannot cover a curve or a sample.
# `data` (set on the command line) names the directory of chapterN.csv.

set terminal svg size 560,480 dynamic enhanced font "DejaVu Sans,15" background rgb "white"
set encoding utf8
set datafile separator ","
set datafile columnheaders
set grid lc rgb "#e0e0e0" lw 1
set border 3 lc rgb "#555555"
set tics nomirror
set key below left Left reverse nobox samplen 2 spacing 1.1 maxcols 1
set samples 400

bowl = "#3b6fb6"
good = "#2a9d4b"
bad = "#d1495b"
ink = "#222222"

# The value of column `col` on the row whose `series` column is `name`.
is(name) = strcol("series") eq name

# The network's prediction at dosage x for the seven parameters of a CSV row
# (chapters 6 and 7), softplus written so that it cannot overflow.
softplus(z) = z > 0 ? z + log(1 + exp(-z)) : log(1 + exp(z))
predicted(x, w1, b1, w2, b2, w3, w4, b3) = \
    w3 * softplus(w1 * x + b1) + w4 * softplus(w2 * x + b2) + b3
