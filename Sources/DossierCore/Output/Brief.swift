import Foundation

extension ExtractionOutput {
    /// An analyst's brief of a report: who is in it, a dated list of events, then the quotes.
    static func brief(_ document: Document) -> [String] {
        var lines: [String] = []
        func name(_ entity: Int?) -> String { entity.map { document.entities[$0].name } ?? "—" }
        let actors = document.entities.filter { [.person, .org, .gpe, .loc].contains($0.type) }
        if !actors.isEmpty {
            lines.append("")
            lines.append("Who:")
            for entity in actors {
                var facts = [entity.type.rawValue]
                if let code = entity.actorCode { facts.append(code) }
                if !entity.roles.isEmpty { facts.append(entity.roles.joined(separator: ", ")) }
                lines.append("  \(entity.name) (\(facts.joined(separator: "; "))), \(entity.mentions.count) mention(s)")
            }
        }
        let others = document.entities.filter { $0.type == .weapon || $0.type == .event }
        if !others.isEmpty { lines.append("  also named: " + others.map { "\($0.name) (\($0.type.rawValue))" }.joined(separator: ", ")) }
        if !document.events.isEmpty {
            lines.append("")
            lines.append("What happened:")
            let ordered = document.events.sorted { ($0.date ?? "9999") < ($1.date ?? "9999") }
            for event in ordered {
                let kind = event.cameo.map { "\($0.plover ?? "STATEMENT") \(event.code) \($0.description)" } ?? event.code
                var line = "  \((event.date ?? "undated").padding(toLength: 10, withPad: " ", startingAt: 0))  "
                line += "\(name(event.source)) → \(name(event.target)): \(kind)"
                if event.status != .reported { line += " [\(event.status.rawValue)]" }
                if let by = event.attributedTo { line += " (per \(name(by)))" }
                lines.append(line)
            }
        }
        if !document.claims.isEmpty {
            lines.append("")
            lines.append("Disputed:")
            for claim in document.claims {
                let deniers = claim.deniedBy.map { document.entities[$0].name }.joined(separator: ", ")
                lines.append("  “\(document.string(claim.span))”" + (deniers.isEmpty ? "" : " — denied by \(deniers)"))
            }
        }
        if !document.quotes.isEmpty {
            lines.append("")
            lines.append("Quotes:")
            for quote in document.quotes {
                let text = document.string(quote.span)
                lines.append("  \(name(quote.speaker)): \(quote.direct ? "“\(text)”" : text)")
            }
        }
        return lines
    }

    /// Each event with its sentence, trigger, pattern and the mentions of its actors: what `dossier explain` prints.
    public static func explanation(_ document: Document) -> String {
        var lines: [String] = []
        func actor(_ label: String, _ entity: Int?) {
            guard let entity else {
                lines.append("  \(label): none")
                return
            }
            let e = document.entities[entity]
            let mentions = e.mentions.map { m in "“\(document.string(document.mentions[m].span))” (\(document.mentions[m].foundBy))" }
            lines.append("  \(label): \(e.name) [\(e.actorCode ?? e.type.rawValue)] from \(mentions.prefix(6).joined(separator: ", "))")
        }
        for (index, event) in document.events.enumerated() {
            lines.append("v\(index + 1)  \(event.code) \(event.cameo?.description ?? "")  \(event.cameo?.plover ?? "")")
            lines.append("  sentence: \(document.string(event.evidence))")
            lines.append(
                "  trigger: “\(document.string(event.trigger))” by pattern “\(event.pattern.replacingOccurrences(of: "\t", with: " "))”")
            actor("source", event.source)
            actor("target", event.target)
            let time = document.governingTime(of: event.trigger).map { "“\(document.string($0.span))”" } ?? "the report's date"
            lines.append("  date: \(event.date ?? "none") (from \(event.date == nil ? "nothing" : time)); status: \(event.status.rawValue)")
            if let by = event.attributedTo { lines.append("  attributed to: \(document.entities[by].name)") }
            if let place = event.location { lines.append("  place: \(document.entities[place].name)") }
            lines.append("")
        }
        if document.events.isEmpty { lines.append("No events found.") }
        return lines.joined(separator: "\n")
    }
}
