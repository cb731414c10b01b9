// The graph panel of a kg page: draws the JSON block with vis-network, lets the layout settle,
// labels the important nodes at first view (the rest appear on zoom), opens a node's page on
// click, lists a link's papers, and resets the view. Data is only ever shown as text.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-graph").textContent);
  var container = document.getElementById("graph");
  var details = document.getElementById("graph-details");
  var hint = details.textContent;
  var READABLE = 13;      // px: a label drawn at first view is at least this big on screen
  var HIDDEN_BELOW = 9;   // px: labels smaller than this on screen are not drawn
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return {
      id: n.id, label: n.label, title: n.title, shape: n.shape, value: n.value,
      color: { background: n.color, border: n.focus ? "#1f2328" : n.color,
               highlight: { background: n.color, border: "#1f2328" }, hover: { background: n.color, border: "#1f2328" } },
      borderWidth: n.focus ? 4 : 1, font: { size: 14 }, href: n.href, labelled: !!n.labelled || !!n.focus
    };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return { id: e.id, from: e.from, to: e.to, title: e.title, width: e.width, arrows: e.arrows || "",
             dashes: e.kind === "affiliated" || e.kind === "part", pages: e.pages || [] };
  }));
  var big = data.nodes.length > 100;
  var options = {
    layout: { randomSeed: 7, improvedLayout: !big },
    nodes: { scaling: { min: 8, max: 34, label: { enabled: false, drawThreshold: HIDDEN_BELOW, maxVisible: 22 } },
             font: { face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#ffffff" } },
    edges: { smooth: false, color: { color: "#9aa5b1", highlight: "#1f2328", hover: "#1f2328" }, selectionWidth: 2 },
    interaction: { hover: true, tooltipDelay: 120, navigationButtons: false, keyboard: false },
    physics: { solver: "forceAtlas2Based",
               forceAtlas2Based: { gravitationalConstant: -70, springLength: 120, springConstant: 0.06, avoidOverlap: 0.5 },
               minVelocity: 0.8, maxVelocity: 40, timestep: 0.4,
               stabilization: { enabled: true, iterations: big ? 600 : 1000, updateInterval: 100, fit: true } }
  };
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  var view = { network: network, nodes: nodes, edges: edges, ready: false, readyAt: null,
               domPosition: function (id) { return network.canvasToDOM(network.getPositions([id])[id]); } };
  window.kgView = view;

  function labelForZoom() {
    // Important nodes get a font that reads at the current (fitted) zoom; the others keep a
    // normal font, which vis-network hides until the viewer zooms in far enough to read it.
    var scale = network.getScale();
    var first = Math.max(14, Math.ceil(READABLE / scale));
    nodes.update(nodes.get().map(function (n) {
      return { id: n.id, font: { size: n.labelled ? first : 14 } };
    }));
  }

  function settled() {
    if (view.ready) { return; }
    network.setOptions({ physics: { enabled: false } });
    network.fit({ animation: false });
    labelForZoom();
    view.ready = true;
    view.readyAt = performance.now();
    container.setAttribute("data-ready", "true");
    document.body.setAttribute("data-ready", "true");
  }

  // Let the layout settle: after the hidden warm-up, keep the physics on until vis-network says
  // the nodes have stopped (or 6 s have passed), then freeze it.
  network.once("stabilizationIterationsDone", function () {
    network.fit({ animation: false });
    labelForZoom();
    window.setTimeout(settled, 6000);
  });
  network.on("stabilized", settled);

  function clear(element) { while (element.firstChild) { element.removeChild(element.firstChild); } }
  function text(tag, value) { var el = document.createElement(tag); el.textContent = value; return el; }

  function describeNode(id) {
    var node = data.nodes.filter(function (n) { return n.id === id; })[0];
    clear(details);
    details.appendChild(text("strong", node.title));
    if (node.href) { details.appendChild(document.createTextNode(" — click to open its page.")); }
  }

  function describeEdge(id) {
    var edge = edges.get(id);
    clear(details);
    var from = nodes.get(edge.from), to = nodes.get(edge.to);
    details.appendChild(text("strong", from.label + " — " + to.label));
    details.appendChild(document.createTextNode(": " + edge.title));
    if (edge.pages.length) {
      var list = document.createElement("ul");
      edge.pages.forEach(function (page) {
        var item = document.createElement("li");
        var link = text("a", page[1]);
        link.setAttribute("href", page[0]);
        item.appendChild(link);
        list.appendChild(item);
      });
      details.appendChild(list);
    }
  }

  network.on("hoverNode", function (params) { describeNode(params.node); container.style.cursor = "pointer"; });
  network.on("blurNode", function () { container.style.cursor = "default"; });
  network.on("click", function (params) {
    if (params.nodes.length) {
      var node = nodes.get(params.nodes[0]);
      if (node && node.href) { window.location.href = node.href; }
    } else if (params.edges.length) {
      describeEdge(params.edges[0]);
    } else {
      clear(details);
      details.textContent = hint;
    }
  });
  network.on("hoverEdge", function (params) { describeEdge(params.edge); });

  document.getElementById("graph-reset").addEventListener("click", function () {
    network.unselectAll();
    network.fit({ animation: false });
    labelForZoom();
    clear(details);
    details.textContent = hint;
  });
}());
