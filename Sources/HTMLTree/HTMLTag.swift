/// The element names the HTML standard defines, plus ``document`` for the tree's root and ``custom``
/// for any other name (`<amp-img>`, `<my-widget>`); ``HTMLDocument/name(of:)`` keeps the real name.
public enum HTMLTag: UInt8, Sendable, CaseIterable {
    case document, custom
    case a, abbr, address, area, article, aside, audio
    case b, base, bdi, bdo, big, blockquote, body, br, button
    case canvas, caption, center, cite, code, col, colgroup
    case data, datalist, dd, del, details, dfn, dialog, div, dl, dt
    case em, embed, fieldset, figcaption, figure, font, footer, form, frame, frameset
    case h1, h2, h3, h4, h5, h6, head, header, hgroup, hr, html
    case i, iframe, img, input, ins, kbd, label, legend, li, link
    case main, map, mark, menu, meta, meter, nav, noscript
    case object, ol, optgroup, option, output, p, param, picture, pre, progress, q
    case rp, rt, ruby, s, samp, script, search, section, select, slot, small, source, span, strike, strong, style, sub,
        summary, sup, svg
    case table, tbody, td, template, textarea, tfoot, th, thead, time, title, tr, track, tt
    case u, ul, `var`, video, wbr

    /// The tag of a lowercase element name: ``custom`` when HTML defines no such element.
    public init(name: String) {
        self = Self.byName[name] ?? .custom
    }

    /// The lowercase element name (`"custom"` for ``custom``, `"#document"` for ``document``).
    public var name: String { self == .document ? "#document" : "\(self)" }

    private static let byName: [String: HTMLTag] = Dictionary(
        uniqueKeysWithValues: allCases.filter { $0 != .custom && $0 != .document }.map { ("\($0)", $0) })

}
