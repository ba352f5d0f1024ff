odoo.define('hid_cagri.wallboard', function (require) {
"use strict";
/* Today's wallboard for supervisors: KPIs so far and calls ringing/talking now, refreshed
   every 15 seconds (hid.call.kpi.hid_wallboard). */

var core = require('web.core');
var Widget = require('web.Widget');
var QWeb = core.qweb;

var REFRESH_MS = 15000;

var Wallboard = Widget.extend({
    template: 'hid_cagri.Wallboard',
    start: function () {
        var self = this;
        this._timer = setInterval(function () { self._refresh(); }, REFRESH_MS);
        return $.when(this._super.apply(this, arguments), this._refresh());
    },
    destroy: function () {
        clearInterval(this._timer);
        this._super.apply(this, arguments);
    },
    _refresh: function () {
        var self = this;
        return this._rpc({model: 'hid.call.kpi', method: 'hid_wallboard', args: []})
            .then(function (data) {
                self.$el.html(QWeb.render('hid_cagri.WallboardContent', {data: data}));
            });
    },
});

core.action_registry.add('hid_cagri.wallboard', Wallboard);
return Wallboard;
});
