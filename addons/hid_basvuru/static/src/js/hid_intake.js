/* Copyright 2026 Sancaktepe Belediyesi
 * License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
 *
 * widget="hid_phone_lookup" (the intake's phone and TC kimlik no): the value is sent while
 * the agent types (half a second after the last key), so the citizen is looked up at once
 * and "no registered citizen found — new citizen" shows without leaving the field.
 */
odoo.define("hid_basvuru.intake", function (require) {
    "use strict";

    var basicFields = require("web.basic_fields");
    var fieldRegistry = require("web.field_registry");

    var PhoneLookup = basicFields.FieldChar.extend({
        DEBOUNCE: 500,
    });

    fieldRegistry.add("hid_phone_lookup", PhoneLookup);

    return {PhoneLookup: PhoneLookup};
});
