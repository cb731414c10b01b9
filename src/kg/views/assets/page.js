// The page's behaviour: draw the graph, stop the physics once laid out, show details as text,
// filter by name and by kind. Data comes from the JSON block; none of it is ever parsed as HTML.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var options = typeof data.options === "string" ? JSON.parse(data.options) : data.options;
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  var detailsBody = document.getElementById("details-body");
  var detailsHint = document.getElementById("details-hint");
  var search = document.getElementById("search");
  var kindBoxes = Array.prototype.slice.call(document.querySelectorAll("input.kind-filter"));
  var pinned = null;

  var view = {
    network: network,
    nodes: nodes,
    edges: edges,
    ready: false,
    readyAt: null,
    drawn: function () {
      return { nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length };
    },
    visible: function () {
      return {
        nodes: nodes.get({ filter: function (n) { return !n.hidden; } }).length,
        edges: edges.get({ filter: function (e) { return !e.hidden; } }).length
      };
    },
    domPosition: function (id) {
      return network.canvasToDOM(network.getPositions([id])[id]);
    }
  };
  window.kgView = view;

  function settled() {
    if (view.ready) { return; }
    network.setOptions({ physics: { enabled: false } });
    network.fit({ animation: false });
    view.ready = true;
    view.readyAt = performance.now();
    document.body.setAttribute("data-ready", "true");
  }

  if (options.physics && options.physics.enabled === false) {
    network.once("afterDrawing", settled);
  } else {
    network.once("stabilizationIterationsDone", settled);
    network.once("stabilized", settled);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function showFacts(title, rows) {
    while (detailsBody.firstChild) { detailsBody.removeChild(detailsBody.firstChild); }
    detailsHint.hidden = true;
    detailsBody.appendChild(element("div", "title", title));
    var list = element("dl");
    rows.forEach(function (row) {
      list.appendChild(element("dt", "", row[0]));
      list.appendChild(element("dd", "", row[1]));
    });
    detailsBody.appendChild(list);
  }

  function showNode(id) {
    var node = nodes.get(id);
    if (!node) { return; }
    var rows = [["kind", node.kindName]].concat(node.facts);
    rows.push(["links on this page", String(network.getConnectedEdges(id).length)]);
    rows.push(["IRI", node.iri]);
    showFacts(node.fullLabel, rows);
  }

  function showEdge(id) {
    var edge = edges.get(id);
    if (!edge) { return; }
    var from = nodes.get(edge.from), to = nodes.get(edge.to);
    showFacts(edge.kindName, [["from", from.fullLabel], ["to", to.fullLabel], ["details", edge.title]]);
  }

  function clearDetails() {
    while (detailsBody.firstChild) { detailsBody.removeChild(detailsBody.firstChild); }
    detailsHint.hidden = false;
  }

  network.on("hoverNode", function (params) { if (pinned === null) { showNode(params.node); } });
  network.on("hoverEdge", function (params) { if (pinned === null) { showEdge(params.edge); } });
  network.on("blurNode", function () { if (pinned === null) { clearDetails(); } });
  network.on("blurEdge", function () { if (pinned === null) { clearDetails(); } });
  network.on("click", function (params) {
    if (params.nodes.length) {
      pinned = params.nodes[0];
      showNode(pinned);
    } else if (params.edges.length) {
      pinned = params.edges[0];
      showEdge(pinned);
    } else {
      pinned = null;
      clearDetails();
    }
  });

  function applyFilters() {
    var needle = search.value.trim().toLowerCase();
    var kinds = {};
    kindBoxes.forEach(function (box) { kinds[box.value] = box.checked; });
    var shown = {};
    var nodeChanges = nodes.get().map(function (node) {
      var visible = kinds[node.kind] !== false &&
        (needle === "" || node.fullLabel.toLowerCase().indexOf(needle) !== -1);
      shown[node.id] = visible;
      return { id: node.id, hidden: !visible };
    });
    var edgeChanges = edges.get().map(function (edge) {
      return { id: edge.id, hidden: !(shown[edge.from] && shown[edge.to]) };
    });
    nodes.update(nodeChanges);
    edges.update(edgeChanges);
    var filtering = needle !== "" || kindBoxes.some(function (box) { return !box.checked; });
    var counts = view.visible();
    document.getElementById("count-visible").textContent = filtering
      ? " (" + counts.nodes + " nodes and " + counts.edges + " links match)" : "";
    if (needle !== "") {
      var matches = nodeChanges.filter(function (c) { return !c.hidden; }).map(function (c) { return c.id; });
      if (matches.length) { network.fit({ nodes: matches, animation: false, maxZoomLevel: 1.5 }); }
    }
  }

  search.addEventListener("input", applyFilters);
  kindBoxes.forEach(function (box) { box.addEventListener("change", applyFilters); });
}());
