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
            for layer in ["entities", "events", "quotes", "claims", "times"] {
                json.key(layer)
                json.emptyArray()
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
        lines.append("published:  \(document.published ?? "unknown")")
        if !document.credits.isEmpty { lines.append("credits:    \(document.credits.joined(separator: ", "))") }
        if !document.datelinePlaces.isEmpty { lines.append("dateline:   \(document.datelinePlaces.joined(separator: ", "))") }
        let body = document.blocks.filter { $0.role == .body }
        lines.append("body:       \(body.count) paragraphs, \(document.sentences.count) sentences, \(document.tokens.count) tokens")
        for caption in document.captions { lines.append("caption:    \(caption)") }
        let furniture = document.blocks.filter { $0.role != .body && $0.role != .title }
        if !furniture.isEmpty {
            lines.append("")
            lines.append("Left out of the body:")
            for block in furniture { lines.append("  [\(block.role.rawValue)] \(clip(document.string(block.span), 70))") }
        }
        lines.append("")
        lines.append("Sentences:")
        for (index, sentence) in document.sentences.enumerated() {
            lines.append(String(format: "%4d  ", index + 1) + clip(document.string(sentence.span), 110))
        }
        for diagnostic in document.diagnostics { lines.append("note: \(diagnostic)") }
        return lines.joined(separator: "\n")
    }

    private static func clip(_ text: String, _ width: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= width ? flat : String(flat.prefix(width - 1)) + "…"
    }
}
