/* Copyright 2026 Sancaktepe Belediyesi
 * License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
 *
 * The back office's maps (Leaflet, served by hid_basvuru at /hid/lib/):
 * - widget="hid_map_point" on a latitude field: a map to pick the point (click or drag the
 *   marker), the two coordinates as text boxes (empty when there is no point, never
 *   0,0000000), a warning when the point is outside Sancaktepe; coordinates stay optional.
 * - the client action "hid_basvuru_map": the applications the user may read, clustered
 *   (Leaflet.markercluster), filtered by state, stage, category and müdürlük; only the
 *   visible area is asked for (helpdesk.ticket.hid_map_points, bounded); a click opens the
 *   application.
 */
odoo.define("hid_basvuru.map", function (require) {
    "use strict";

    var AbstractField = require("web.AbstractField");
    var ControlPanelMixin = require("web.ControlPanelMixin");
    var ajax = require("web.ajax");
    var core = require("web.core");
    var fieldRegistry = require("web.field_registry");
    var rpc = require("web.rpc");
    var Widget = require("web.Widget");

    var _t = core._t;

    var leafletLoaded = null;
    var clusterLoaded = null;
    var configLoaded = null;

    function loadLeaflet() {
        if (!leafletLoaded) {
            leafletLoaded = $.when(ajax.loadCSS("/hid/lib/leaflet/leaflet.css"),
                                   ajax.loadJS("/hid/lib/leaflet/leaflet.js"));
        }
        return leafletLoaded;
    }

    function loadCluster() {
        if (!clusterLoaded) {
            clusterLoaded = loadLeaflet().then(function () {
                return $.when(
                    ajax.loadCSS("/hid/lib/leaflet.markercluster/MarkerCluster.css"),
                    ajax.loadCSS("/hid/lib/leaflet.markercluster/MarkerCluster.Default.css"),
                    ajax.loadJS("/hid/lib/leaflet.markercluster/leaflet.markercluster.js"));
            });
        }
        return clusterLoaded;
    }

    function loadConfig() {
        if (!configLoaded) {
            configLoaded = rpc.query({model: "helpdesk.ticket", method: "hid_map_config",
                                      args: []});
        }
        return configLoaded;
    }

    function tileLayer(config) {
        return L.tileLayer(config.tile_url, {maxZoom: 19, attribution: config.tile_attribution});
    }

    function inBounds(bounds, lat, lon) {
        return lat >= bounds[0] && lat <= bounds[2] && lon >= bounds[1] && lon <= bounds[3];
    }

    /** A typed coordinate: "41,0012" or "41.0012"; null when empty, NaN when not a number. */
    function parseCoordinate(text) {
        text = (text || "").trim().replace(",", ".");
        if (!text) {
            return null;
        }
        return /^-?\d+(\.\d+)?$/.test(text) ? parseFloat(text) : NaN;
    }

    // -----------------------------------------------------------------
    // The map picker
    // -----------------------------------------------------------------

    var MapPoint = AbstractField.extend({
        className: "o_hid_map_point",
        supportedFieldTypes: ["float"],
        events: _.extend({}, AbstractField.prototype.events, {
            "change .o_hid_lat, .o_hid_lon": "_onInputChange",
            "click .o_hid_map_clear": "_onClear",
        }),

        init: function () {
            this._super.apply(this, arguments);
            this.lonField = this.nodeOptions.longitude_field || "longitude";
        },

        willStart: function () {
            var self = this;
            return $.when(this._super.apply(this, arguments), loadLeaflet(), loadConfig())
                .then(function (a, b, config) {
                    self.config = config;
                });
        },

        destroy: function () {
            this._removeMap();
            this._super.apply(this, arguments);
        },

        _removeMap: function () {
            if (this.map) {
                this.map.remove();
            }
            this.map = this.marker = this.$mapNode = this.$text = null;
        },

        isSet: function () {
            return true;  // an empty point is a valid answer (coordinates are optional)
        },

        _point: function () {
            var lat = this.value || 0;
            var lon = this.recordData[this.lonField] || 0;
            return (lat || lon) ? [lat, lon] : null;
        },

        _render: function () {
            var self = this;
            var point = this._point();
            var editable = this.mode === "edit";
            if (!editable && !point) {
                // read-only without a point: a line of text, no map (no tiles to fetch)
                this._removeMap();
                this.$el.empty().append($("<span class='o_hid_map_text text-muted'/>")
                    .text(_t("No point on the map")));
                return;
            }
            if (!this.$mapNode) {
                this.$el.empty();
                if (editable) {
                    var $inputs = $("<div class='o_hid_map_inputs'/>");
                    this.$lat = $("<input type='text' inputmode='decimal' class='o_input o_hid_lat'/>")
                        .attr("placeholder", _t("Latitude")).attr("aria-label", _t("Latitude"));
                    this.$lon = $("<input type='text' inputmode='decimal' class='o_input o_hid_lon'/>")
                        .attr("placeholder", _t("Longitude")).attr("aria-label", _t("Longitude"));
                    $inputs.append(this.$lat, this.$lon,
                        $("<button type='button' class='btn btn-default btn-sm o_hid_map_clear'/>")
                            .text(_t("Remove the point")));
                    this.$el.append($inputs,
                        $("<div class='text-muted o_hid_map_help'/>")
                            .text(_t("Click on the map to mark the place; drag the marker to correct it.")));
                } else {
                    this.$text = $("<span class='o_hid_map_text'/>");
                    this.$el.append(this.$text);
                }
                this.$warning = $("<div class='text-warning o_hid_map_warning'/>");
                this.$mapNode = $("<div class='o_hid_map'/>");
                this.$el.append(this.$warning, this.$mapNode);
                var center = point || this.config.center;
                this.map = L.map(this.$mapNode[0], {scrollWheelZoom: false})
                    .setView(center, point ? 16 : 13);
                tileLayer(this.config).addTo(this.map);
                if (editable) {
                    this.map.on("click", function (ev) {
                        self._setPoint(ev.latlng.lat, ev.latlng.lng);
                    });
                }
                // the map is built before the dialog or the tab shows it: size it then
                _.each([100, 400, 1000], function (delay) {
                    setTimeout(function () {
                        if (self.map) {
                            self.map.invalidateSize();
                        }
                    }, delay);
                });
            }
            this._showPoint(point);
        },

        _showPoint: function (point) {
            var self = this;
            var editable = this.mode === "edit";
            if (editable && this.$lat && !this.$lat.is(":focus") && !this.$lon.is(":focus")) {
                this.$lat.val(point ? point[0].toFixed(7) : "");
                this.$lon.val(point ? point[1].toFixed(7) : "");
            }
            if (this.$text) {
                this.$text.text(point ? point[0].toFixed(6) + ", " + point[1].toFixed(6)
                                      : _t("No point on the map"));
            }
            this.$warning.text(point && !inBounds(this.config.bounds, point[0], point[1])
                ? _t("This point is outside Sancaktepe: please check it.") : "");
            if (!point) {
                if (this.marker) {
                    this.map.removeLayer(this.marker);
                    this.marker = null;
                }
                return;
            }
            if (!this.marker) {
                this.marker = L.marker(point, {draggable: editable}).addTo(this.map);
                if (editable) {
                    this.marker.on("dragend", function () {
                        var latlng = self.marker.getLatLng();
                        self._setPoint(latlng.lat, latlng.lng);
                    });
                }
            } else {
                this.marker.setLatLng(point);
            }
            if (!this.map.getBounds().contains(point)) {
                this.map.panTo(point);
            }
        },

        _setPoint: function (lat, lon) {
            var changes = {};
            changes[this.name] = lat === null ? 0 : Math.round(lat * 1e7) / 1e7;
            changes[this.lonField] = lon === null ? 0 : Math.round(lon * 1e7) / 1e7;
            this.trigger_up("field_changed", {dataPointID: this.dataPointID, changes: changes});
        },

        _onInputChange: function () {
            var lat = parseCoordinate(this.$lat.val());
            var lon = parseCoordinate(this.$lon.val());
            if (lat === null && lon === null) {
                this._setPoint(null, null);
                return;
            }
            if (lat === null || lon === null || isNaN(lat) || isNaN(lon)
                    || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                this.$warning.text(_t("Write both coordinates as numbers, e.g. 41.0012 and 29.2288, or leave both empty."));
                return;
            }
            this._setPoint(lat, lon);
            if (this.map) {
                this.map.setView([lat, lon], Math.max(this.map.getZoom(), 15));
            }
        },

        _onClear: function () {
            this.$lat.val("");
            this.$lon.val("");
            this._setPoint(null, null);
        },
    });

    fieldRegistry.add("hid_map_point", MapPoint);

    // -----------------------------------------------------------------
    // The map view of the applications
    // -----------------------------------------------------------------

    var MapAction = Widget.extend(ControlPanelMixin, {
        className: "o_hid_map_action",

        init: function (parent, action) {
            this._super.apply(this, arguments);
            this.action_manager = parent;
            this.title = action.display_name || action.name || _t("Map");
            this.filters = {state: "open"};
        },

        willStart: function () {
            var self = this;
            return $.when(
                this._super.apply(this, arguments), loadCluster(),
                rpc.query({model: "helpdesk.ticket", method: "hid_map_options", args: []})
            ).then(function (a, b, options) {
                self.options = options;
            });
        },

        start: function () {
            var self = this;
            this.set("title", this.title);
            this._buildFilters();
            this.$status = $("<div class='o_hid_map_status text-muted'/>");
            this.$mapNode = $("<div class='o_hid_map o_hid_map_full'/>");
            this.$el.append(this.$status, this.$mapNode);
            var bounds = this.options.bounds;
            this.sancaktepe = L.latLngBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]]);
            this.map = L.map(this.$mapNode[0]).setView(this.options.center, 12);
            tileLayer(this.options).addTo(this.map);
            this.cluster = L.markerClusterGroup();
            this.map.addLayer(this.cluster);
            this.map.on("moveend", function () {
                self._load();
            });
            this._update_control_panel();
            return this._super.apply(this, arguments).then(function () {
                // sized once the action is in the page: then Sancaktepe fills the map
                setTimeout(function () {
                    if (self.map) {
                        self.map.invalidateSize();
                        self.map.fitBounds(self.sancaktepe);
                        self._load();
                    }
                }, 50);
            });
        },

        destroy: function () {
            if (this.map) {
                this.map.remove();
                this.map = null;
            }
            this._super.apply(this, arguments);
        },

        do_show: function () {
            this._update_control_panel();
            var self = this;
            return $.when(this._super.apply(this, arguments)).then(function () {
                if (self.map) {
                    self.map.invalidateSize();
                }
            });
        },

        _update_control_panel: function () {
            this.update_control_panel({
                breadcrumbs: this.action_manager.get_breadcrumbs(),
                cp_content: {$searchview: this.$filters},
            });
        },

        _select: function (name, label, choices, value) {
            var $select = $("<select class='o_input o_hid_map_filter'/>")
                .attr("name", name).attr("aria-label", label);
            _.each(choices, function (choice) {
                $select.append($("<option/>").attr("value", choice[0]).text(choice[1]));
            });
            $select.val(value || "");
            return $("<label class='o_hid_map_filter_label'/>").text(label + " ").append($select);
        },

        _buildFilters: function () {
            var self = this;
            var all = [["", _t("All")]];
            this.$filters = $("<div class='o_hid_map_filters form-inline'/>").append(
                this._select("state", _t("State"), [["", _t("All")], ["open", _t("Open")],
                                                   ["closed", _t("Closed")]], "open"),
                this._select("stage_id", _t("Stage"), all.concat(this.options.stages)),
                this._select("category_id", _t("Category"), all.concat(this.options.categories)),
                this._select("team_id", _t("Müdürlük"), all.concat(this.options.teams)));
            this.$filters.on("change", "select", function () {
                self.filters[this.name] = this.value;
                self._load();
            });
        },

        _load: function () {
            var self = this;
            var b = this.map.getBounds();
            var seq = this.seq = (this.seq || 0) + 1;
            return rpc.query({
                model: "helpdesk.ticket",
                method: "hid_map_points",
                args: [[b.getSouth(), b.getWest(), b.getNorth(), b.getEast()], this.filters],
            }).then(function (result) {
                if (seq === self.seq && self.map) {
                    self._show(result);
                }
            });
        },

        _show: function (result) {
            var self = this;
            this.cluster.clearLayers();
            var markers = _.map(result.points, function (point) {
                var marker = L.marker([point.lat, point.lon], {title: point.number});
                marker.bindTooltip(_.escape(point.number + " · " + (point.category || "")) + "<br/>"
                    + _.escape(point.name || "") + "<br/>" + _.escape(point.stage || ""));
                marker.on("click", function () {
                    self._open(point.id);
                });
                return marker;
            });
            this.cluster.addLayers(markers);
            var text = _.str.sprintf(_t("%s applications in this area"), result.points.length);
            if (result.truncated) {
                text = _.str.sprintf(_t("The newest %s applications in this area are shown: zoom in or filter to see the others."), result.limit);
            }
            this.$status.text(text).attr("data-count", result.points.length);
        },

        _open: function (id) {
            this.do_action({
                type: "ir.actions.act_window",
                res_model: "helpdesk.ticket",
                res_id: id,
                views: [[false, "form"]],
                target: "current",
            });
        },
    });

    core.action_registry.add("hid_basvuru_map", MapAction);

    return {MapPoint: MapPoint, MapAction: MapAction, parseCoordinate: parseCoordinate};
});
