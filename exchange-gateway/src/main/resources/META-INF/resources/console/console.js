// The console's only script besides htmx: live notifications fade after a while; no inline scripts (CSP).
document.addEventListener('htmx:sseMessage', function () {
  var area = document.getElementById('live-notifications');
  if (!area) { return; }
  while (area.children.length > 5) { area.removeChild(area.lastElementChild); }
});
