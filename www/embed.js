/*
 * peerscope embed: one tag on any page.
 *
 *   <script src="https://your.site/peerscope/embed.js" defer></script>
 *   <peerscope-widget profile="creator" goal="connection"></peerscope-widget>
 *
 * The widget is an iframe of peerscope's own page (index.html next to this script), which
 * carries its own Content-Security-Policy, so the privacy promise does not depend on the
 * host page. The frame is sandboxed with allow-scripts allow-same-origin allow-downloads
 * (an opaque origin would break local storage and the WebAssembly fetch) and follows the
 * height the app reports. The page inside opens as a compact card (the answer, the network,
 * this week's three steps: about 900 px), which grows into the whole report only when the
 * reader asks ("Show the full report").
 *
 * Attributes: profile (creator | startup | nonprofit), goal (connection | reach),
 * anonymise (present = on), height (starting height in CSS pixels, default 900),
 * fixed-height (present = keep that height and let the frame scroll), src (where the
 * widget page lives; default: index.html beside this script), title.
 */
(() => {
  "use strict";

  const HEIGHT_MESSAGE = "peerscope:height";
  const PASSED = ["profile", "goal", "anonymise"];
  // Resolved now: document.currentScript is only set while this file first runs.
  const script = document.currentScript;
  const base = script && script.src ? script.src : document.baseURI;

  class PeerscopeWidget extends HTMLElement {
    static get observedAttributes() {
      return ["profile", "goal", "anonymise", "height", "fixed-height", "src", "title"];
    }

    connectedCallback() {
      if (!this.frame) {
        this.frame = document.createElement("iframe");
        this.frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-downloads");
        this.frame.setAttribute("referrerpolicy", "no-referrer");
        this.frame.style.cssText = "display:block;width:100%;border:0;color-scheme:normal";
        this.onMessage = (event) => this.resize(event);
        this.appendChild(this.frame);
      }
      window.addEventListener("message", this.onMessage);
      this.update();
    }

    disconnectedCallback() {
      window.removeEventListener("message", this.onMessage);
    }

    attributeChangedCallback() {
      if (this.frame) {
        this.update();
      }
    }

    /** The widget page's address, with the attributes passed on as its query. */
    target() {
      const url = new URL(this.getAttribute("src") || "index.html", base);
      for (const name of PASSED) {
        if (this.hasAttribute(name)) {
          url.searchParams.set(name, this.getAttribute(name) || "1");
        }
      }
      url.searchParams.set("embed", "1");
      return url;
    }

    update() {
      const url = this.target();
      this.origin = url.origin;
      if (this.frame.getAttribute("src") !== url.href) {
        this.frame.setAttribute("src", url.href);
      }
      // The frame follows the app's height, so it needs no scrollbar of its own (one would
      // show as an empty strip while the first height is on its way); fixed-height keeps one.
      this.frame.setAttribute("scrolling", this.hasAttribute("fixed-height") ? "auto" : "no");
      this.frame.title = this.getAttribute("title") || "peerscope: is this group an audience or a community?";
      const height = parseInt(this.getAttribute("height") || "900", 10);
      this.frame.style.height = `${Number.isFinite(height) && height > 0 ? height : 900}px`;
    }

    /** Follows the app's height, from our own frame and its origin only. */
    resize(event) {
      if (event.source !== this.frame.contentWindow || event.origin !== this.origin) {
        return;
      }
      const data = event.data;
      if (!data || data.type !== HEIGHT_MESSAGE || this.hasAttribute("fixed-height")) {
        return;
      }
      const height = Number(data.height);
      if (Number.isFinite(height) && height > 0 && height < 100000) {
        this.frame.style.height = `${Math.ceil(height)}px`;
      }
    }
  }

  if (!customElements.get("peerscope-widget")) {
    customElements.define("peerscope-widget", PeerscopeWidget);
  }
})();
