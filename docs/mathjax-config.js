/* Long formulas are written on several lines in the pages; on a screen too
   narrow even for those, MathJax may still break a line at an operator. */
MathJax.Hub.Config({
    SVG: { linebreaks: { automatic: true, width: "container" } }
});
