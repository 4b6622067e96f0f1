// Maps of sites: an enhancement of the list printed on the same page, which says the same.
// A map container is <div class="map" data-map-data="ID" data-tile-url="…" data-attribution="…">;
// ID names a json_script element holding [{name, centre, commune, kind, lat, lon, url}, …].
// Without a tile URL the markers are drawn on a plain background and nothing is fetched.
(() => {
  "use strict";

  const MAX_ZOOM = 18;
  const SINGLE_SITE_ZOOM = 14;

  function readSites(container) {
    const source = document.getElementById(container.dataset.mapData || "map-data");
    if (!source) return [];
    let sites;
    try {
      sites = JSON.parse(source.textContent);
    } catch {
      return [];
    }
    if (!Array.isArray(sites)) return [];
    return sites.filter(
      (site) => site && Number.isFinite(site.lat) && Number.isFinite(site.lon),
    );
  }

  // Popup content is built as DOM nodes, never as HTML text: names come from users.
  function popupContent(site) {
    const box = document.createElement("div");
    box.className = "map-popup";
    const title = document.createElement("p");
    const link = document.createElement("a");
    link.href = site.url;
    link.textContent = site.name;
    title.appendChild(link);
    box.appendChild(title);
    const details = document.createElement("p");
    details.className = "meta";
    details.textContent = [site.centre, site.commune, site.kind].filter(Boolean).join(" · ");
    box.appendChild(details);
    return box;
  }

  function initMap(container) {
    const sites = readSites(container);
    if (!sites.length) return;
    const map = L.map(container, { scrollWheelZoom: false, maxZoom: MAX_ZOOM });
    const tileUrl = container.dataset.tileUrl;
    if (tileUrl) {
      L.tileLayer(tileUrl, {
        maxZoom: MAX_ZOOM,
        attribution: container.dataset.attribution || "",
      }).addTo(map);
    }
    const markers = sites.map((site) => {
      const label = [site.name, site.commune].filter(Boolean).join(", ");
      return L.marker([site.lat, site.lon], { title: label, alt: label, keyboard: true })
        .bindPopup(popupContent(site));
    });
    const group = L.featureGroup(markers).addTo(map);
    if (sites.length === 1) {
      map.setView([sites[0].lat, sites[0].lon], SINGLE_SITE_ZOOM);
    } else {
      map.fitBounds(group.getBounds(), { padding: [48, 48], maxZoom: SINGLE_SITE_ZOOM });
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    if (typeof L === "undefined") return;
    document.querySelectorAll(".map[data-map-data]").forEach((container) => {
      try {
        initMap(container);
      } catch (error) {
        // The list on the page already holds everything: a broken map must not break it.
        container.remove();
        console.error(error);
      }
    });
  });
})();
