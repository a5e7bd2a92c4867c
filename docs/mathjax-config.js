/* Break long formulas at their operators on narrow screens, rather than
   letting them run off the side of a phone. */
MathJax.Hub.Config({
    SVG: { linebreaks: { automatic: true, width: "90% container" } }
});
