// The plotly.js the book ships: the core plus only the trace types the book
// draws (grep "go\.[A-Z]" zhucun/*.py). Scatter is part of the core.
// A chart kind added to the book must be registered here as well.
var Plotly = require("plotly.js/lib/core");

Plotly.register([
  require("plotly.js/lib/bar"),
  require("plotly.js/lib/heatmap"),
  require("plotly.js/lib/sankey"),
]);

module.exports = Plotly;
