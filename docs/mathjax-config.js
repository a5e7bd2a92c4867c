/* No "Loading MathZoom.js" or "Typesetting math" box in the corner of every
   page: the formulas appear when they are ready. */
MathJax.Hub.Config({
    messageStyle: "none"
});
/* Long formulas are written on several lines in the pages; on a screen too
   narrow even for those, MathJax may still break a line at an operator. */
MathJax.Hub.Config({
    SVG: { linebreaks: { automatic: true, width: "container" } }
});
