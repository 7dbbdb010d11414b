/*
 * Essays embeds. Include once per page:  <script async src="https://API/embed.js"></script>
 * Replaces every <blockquote class="essays-embed" data-url="https://API/embed/essays/SLUG"> (a plain link inside it
 * works without JavaScript) by an iframe of that embed page, and sets each embed iframe's height from the page's
 * {"type": "essays-embed:resize", "height": N, "slug": "..."} messages, accepted only from this script's origin and
 * only from the window of an iframe on this page. Embed iframes already on the page (the oEmbed HTML, which loads
 * this script async) are sent {"type": "essays-embed:measure"}, which an embed page answers with its height.
 */
(function () {
  "use strict";
  if (window.essaysEmbed) { window.essaysEmbed.scan(); return; }
  var script = document.currentScript;
  var origin = new URL(script && script.src ? script.src : location.href).origin;

  function replace(quote) {
    var url;
    try { url = new URL(quote.getAttribute("data-url"), location.href); } catch (e) { return; }
    if (url.origin !== origin || url.pathname.indexOf("/embed/essays/") < 0) { return; }
    var frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title = quote.getAttribute("data-title") || quote.textContent.replace(/\s+/g, " ").trim() || "Essay";
    frame.className = "essays-embed-frame";
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    var height = parseInt(quote.getAttribute("data-height"), 10);
    frame.style.cssText = "display:block;width:100%;max-width:100%;border:0;height:" + (height > 0 ? height : 480) + "px";
    quote.parentNode.replaceChild(frame, quote);
  }

  function scan() {
    var quotes = document.querySelectorAll("blockquote.essays-embed[data-url]");
    for (var i = 0; i < quotes.length; i++) { replace(quotes[i]); }
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin) { return; }
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "essays-embed:resize") { return; }
    var height = Number(data.height);
    if (!(height > 0 && height < 1000000)) { return; }
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + "px";
        return;
      }
    }
  });

  // Frames that loaded before this script (an oEmbed iframe beside an async script tag) may have reported their
  // height before anyone listened: ask each of them again. One still loading reports itself when it has loaded.
  function measure() {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var src;
      try { src = new URL(frames[i].src, location.href); } catch (e) { continue; }
      if (src.origin === origin && src.pathname.indexOf("/embed/essays/") >= 0 && frames[i].contentWindow) {
        // "*": a frame still loading holds about:blank, which a named origin would have the browser warn about; the
        // request carries nothing, and only an embed page answers it
        frames[i].contentWindow.postMessage({ type: "essays-embed:measure" }, "*");
      }
    }
  }

  function start() { scan(); measure(); }

  window.essaysEmbed = { scan: scan };
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
