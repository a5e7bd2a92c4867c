# Chapter 6: the three samples, the network's curve where the descent of w3,
# w4 and b3 started and where it stopped, from the first and the last row of
# the chapter's CSV. The samples come from chapter 1's CSV.
f = data."/chapter6.csv"
samples = data."/chapter1.csv"
# stats reads every row: the assignments keep the parameters of the first row
# (w1s to b3s) and, overwritten row after row, those of the last (w1e to b3e).
stats f using (column("step") == 1 ? (w1s = column("w1"), b1s = column("b1"), \
        w2s = column("w2"), b2s = column("b2"), w3s = column("w3"), \
        w4s = column("w4"), b3s = column("b3")) : 0, \
    w1e = column("w1"), b1e = column("b1"), w2e = column("w2"), b2e = column("b2"), \
    w3e = column("w3"), w4e = column("w4"), b3e = column("b3")) nooutput

set title "Fitting w3, w4 and b3 to the samples"
set xlabel "dosage x"
set ylabel "effectiveness"
set offsets 0.05, 0.05, 0.3, 0.3
# The longest title of the key fits; gnuplot's estimate of its width does not.
set key width -8
plot [0:1] predicted(x, w1s, b1s, w2s, b2s, w3s, w4s, b3s) with lines lw 2.5 lc rgb bad \
        title sprintf("the start: w3 = %.2f, w4 = %.2f, b3 = %.0f", w3s, w4s, b3s), \
     predicted(x, w1e, b1e, w2e, b2e, w3e, w4e, b3e) with lines lw 2.5 lc rgb good \
        title sprintf("where it stops: w3 = %.2f, w4 = %.2f, b3 = %.2f", w3e, w4e, b3e), \
     samples using "x":(is("sample") ? column("y") : NaN) with points pt 7 ps 1.5 lc rgb ink \
        title "the three samples"
