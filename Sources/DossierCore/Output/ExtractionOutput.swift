import Foundation

/// Writes a processed ``Document`` in the forms `dossier extract` prints.
public enum ExtractionOutput {
    /// The JSON contract of `design/EVAL.md`: furniture, body, and every layer, with
    /// offsets in code points into `body`. Layers not built yet are empty arrays.
    public static func json(_ document: Document, pretty: Bool = false) -> String {
        let map = BodyMap(document)
        var json = JSONWriter(pretty: pretty)
        json.object { json in
            json.field("source", document.source)
            if let id = document.given.id { json.field("id", id) }
            json.field("title", document.title)
            json.field("published", document.published)
            json.field("published_source", document.reference?.source)
            json.field("url", document.given.url)
            json.field("author", document.given.author)
            json.field("outlet", document.given.outlet)
            json.field("language", document.given.language)
            json.field("credits", document.credits)
            json.field("captions", document.captions)
            json.field("datelines", document.datelinePlaces)
            json.field("body", map.body)
            json.key("sentences")
            json.array { json in
                for sentence in document.sentences {
                    guard let (start, end) = map.range(sentence.span) else { continue }
                    json.object { json in
                        json.field("start", start)
                        json.field("end", end)
                        json.field("tokens", sentence.tokens.count)
                    }
                }
            }
            json.key("times")
            json.array { json in
                for time in document.times {
                    guard let value = time.value else { continue }
                    json.object { json in
                        json.field("text", textOf: time.span, in: document)
                        json.field("value", value)
                        json.position(of: time.span, in: document, map)
                    }
                }
            }
            json.key("entities")
            json.array { json in
                for entity in document.entities { json.entity(entity, document, map) }
            }
            json.key("events")
            json.array { json in
                for (index, event) in document.events.enumerated() { json.event(event, index, document, map) }
            }
            json.key("quotes")
            json.array { json in
                for quote in document.quotes {
                    json.object { json in
                        json.field("speaker", quote.speaker.map { document.entities[$0].id })
                        json.field("text", textOf: quote.span, in: document)
                        json.key("direct")
                        json.bool(quote.direct)
                        json.field("date", quote.date)
                        json.position(of: quote.span, in: document, map)
                    }
                }
            }
            json.key("claims")
            json.array { json in
                for claim in document.claims {
                    json.object { json in
                        json.field("text", textOf: claim.span, in: document)
                        json.field("asserted_by", claim.assertedBy.map { document.entities[$0].id })
                        json.field("denied_by", claim.deniedBy.map { document.entities[$0].id })
                        json.position(of: claim.span, in: document, map)
                    }
                }
            }
            json.field("diagnostics", document.diagnostics.map(\.message))
        }
        return json.output
    }

    /// A readable summary for a terminal.
    public static func text(_ document: Document) -> String {
        var lines: [String] = []
        lines.append(document.title ?? "(no headline)")
        lines.append(String(repeating: "=", count: min(78, max(12, (document.title ?? "").count))))
        lines.append("source:     \(document.source)")
        lines.append("published:  \(document.published ?? "unknown")\(document.reference.map { " (\($0.source))" } ?? "")")
        if !document.credits.isEmpty { lines.append("credits:    \(document.credits.joined(separator: ", "))") }
        if !document.datelinePlaces.isEmpty { lines.append("dateline:   \(document.datelinePlaces.joined(separator: ", "))") }
        let body = document.bodyBlocks
        let bodySentences = document.sentences.filter { document.blocks[$0.block].role == .body }
        lines.append("body:       \(body.count) paragraphs, \(bodySentences.count) sentences, \(document.tokens.count) tokens")
        for caption in document.captions { lines.append("caption:    \(caption)") }
        let furniture = document.blocks.filter { $0.role != .body && $0.role != .title }
        if !furniture.isEmpty {
            lines.append("")
            lines.append("Left out of the body:")
            for block in furniture { lines.append("  [\(block.role.rawValue)] \(clip(document.string(block.span), 70))") }
        }
        lines += brief(document)
        let times = document.times.filter { $0.value != nil }
        if !times.isEmpty {
            lines.append("")
            lines.append("Times:")
            for time in times { lines.append("  \(time.value!)  \(document.string(time.span))") }
        }
        for diagnostic in document.diagnostics { lines.append("note: \(diagnostic)") }
        return lines.joined(separator: "\n")
    }

    private static func clip(_ text: String, _ width: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= width ? flat : String(flat.prefix(width - 1)) + "…"
    }
}

extension JSONWriter {
    /// A key and the text of a span of the document, as ``Document/string(_:)`` reads it: copied from the document's
    /// bytes when the span holds whole characters.
    mutating func field(_ name: String, textOf span: Span, in document: Document) {
        key(name)
        let utf8 = document.utf8
        func startsCharacter(_ offset: Int) -> Bool { offset == utf8.count || utf8[offset] & 0xC0 != 0x80 }
        if startsCharacter(span.start) && startsCharacter(span.end) {
            string(utf8: utf8[span.start..<span.end])
        } else {
            string(document.string(span))
        }
    }

    /// `start` and `end` in code points of the body, or `in` naming the block (a caption, the headline) outside it.
    mutating func position(of span: Span, in document: Document, _ map: BodyMap) {
        if let (start, end) = map.range(span) {
            field("start", start)
            field("end", end)
        } else {
            let block = document.blocks.first { $0.span.contains(span) }
            field("in", block?.role.rawValue)
        }
    }
}
