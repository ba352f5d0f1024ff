odoo.define('hid_cagri.screen_pop', function (require) {
"use strict";
/* The screen-pop: a call ringing at this agent's extension arrives on the bus (the agent's
   partner channel, hid.call._hid_notify_screen_pop) and shows at once who is calling. One
   click opens Yeni Başvuru prefilled with the number and the call (hid.call.action_open_intake). */

var bus = require('bus.bus').bus;
var core = require('web.core');
var Widget = require('web.Widget');
var WebClient = require('web.WebClient');

var ScreenPop = Widget.extend({
    template: 'hid_cagri.ScreenPop',
    events: {
        'click .o_hid_pop_intake': '_onIntake',
        'click .o_hid_pop_call': '_onOpenCall',
        'click .o_hid_pop_close': '_onClose',
    },
    init: function (parent, data) {
        this._super(parent);
        this.data = data;
    },
    _onIntake: function (ev) {
        ev.preventDefault();
        var self = this;
        this._rpc({model: 'hid.call', method: 'action_open_intake', args: [[this.data.call_id]]})
            .then(function (action) {
                self.do_action(action);
                self.destroy();
            });
    },
    _onOpenCall: function (ev) {
        ev.preventDefault();
        this.do_action({type: 'ir.actions.act_window', res_model: 'hid.call',
                        res_id: this.data.call_id, views: [[false, 'form']], target: 'current'});
        this.destroy();
    },
    _onClose: function (ev) {
        ev.preventDefault();
        this.destroy();
    },
});

WebClient.include({
    show_application: function () {
        var result = this._super.apply(this, arguments);
        bus.on('notification', this, this._hidOnNotification);
        bus.start_polling();
        return result;
    },
    _hidOnNotification: function (notifications) {
        var self = this;
        _.each(notifications, function (notification) {
            var message = notification[1];
            if (message && message.type === 'hid_call_ring') {
                self._hidShowScreenPop(message);
            }
        });
    },
    _hidShowScreenPop: function (data) {
        if (this._hidPop) {
            this._hidPop.destroy();
        }
        this._hidPop = new ScreenPop(this, data);
        this._hidPop.appendTo(this.$el);
    },
});

return {ScreenPop: ScreenPop};
});
