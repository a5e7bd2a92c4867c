# Chapter 7: the three samples, the network's curve where the descent of all
# seven parameters started and where it stopped (the first and the last row
# of the chapter's CSV), and the video's network: the article's weights with
# the b3 that fits best, which chapter 1's CSV draws as its fitted curve.
f = data."/chapter7.csv"
samples = data."/chapter1.csv"
# stats reads every row: the assignments keep the parameters of the first row
# (w1s to b3s) and, overwritten row after row, those of the last (w1e to b3e).
stats f using (column("step") == 1 ? (w1s = column("w1"), b1s = column("b1"), \
        w2s = column("w2"), b2s = column("b2"), w3s = column("w3"), \
        w4s = column("w4"), b3s = column("b3")) : 0, \
    w1e = column("w1"), b1e = column("b1"), w2e = column("w2"), b2e = column("b2"), \
    w3e = column("w3"), w4e = column("w4"), b3e = column("b3"), \
    last = column("step")) nooutput

set title "Fitting all seven parameters to the samples"
set xlabel "dosage x"
set ylabel "effectiveness"
set offsets 0, 0, 0.2, 0.55
plot [0:1] predicted(x, w1s, b1s, w2s, b2s, w3s, w4s, b3s) with lines lw 2.5 lc rgb bad \
        title "the start (the video's random guess)", \
     samples using "x":(is("fitted") ? column("y") : NaN) with lines lw 2 dt 2 lc rgb ink \
        title "the video's fitted network", \
     predicted(x, w1e, b1e, w2e, b2e, w3e, w4e, b3e) with lines lw 2.5 lc rgb good \
        title sprintf("this fit, where the loop stops (step %d)", last), \
     samples using "x":(is("sample") ? column("y") : NaN) with points pt 7 ps 1.5 lc rgb ink \
        title "the three samples"
