import Foundation

extension Gazetteer {
    /// The types of the names in each knowledge-base file, by the file's name (without `.tsv`); files not listed
    /// (roles, for instance) hold no names.
    static let knowledgeBaseTypes: [String: NameType] = [
        "countries": .location, "cities": .location, "seats": .location, "places": .location,
        "organisations": .organisation, "organizations": .organisation, "agencies": .organisation,
        "people": .person, "persons": .person,
        "events": .miscellaneous, "weapons": .miscellaneous,
    ]

    /// The columns that hold names ("|" between aliases); demonyms ("Russian") are listed as MISC, as CoNLL tags them.
    static let nameColumns: Set<String> = ["name", "official name", "aliases", "alternate names", "short name", "common name"]

    /// A gazetteer of the names in a folder of knowledge-base TSV files: `#` comments, the first of them with tabs
    /// naming the columns, then one entry a line.
    public init(knowledgeBase folder: URL) throws {
        let tokenizer = Tokenizer(abbreviations: LanguageData.english.abbreviations)
        var entries: [(words: [String], type: NameType)] = []
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        for file in files.sorted(by: { $0.path < $1.path }) where file.pathExtension == "tsv" {
            guard let type = Self.knowledgeBaseTypes[file.deletingPathExtension().lastPathComponent] else { continue }
            var columns: [String]?
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                if line.hasPrefix("#") {
                    if columns == nil && line.contains("\t") {
                        columns = line.dropFirst().split(separator: "\t", omittingEmptySubsequences: false).map {
                            $0.trimmingCharacters(in: .whitespaces).lowercased()
                        }
                    }
                    continue
                }
                guard let columns else { continue }
                for (column, field) in zip(columns, line.split(separator: "\t", omittingEmptySubsequences: false)) {
                    let fieldType: NameType? = Self.nameColumns.contains(column) ? type : column == "demonyms" ? .miscellaneous : nil
                    guard let fieldType else { continue }
                    for name in field.split(separator: "|") {
                        let folded = FoldedText(Array(name.utf8))
                        var spans: [Span] = []
                        tokenizer.tokenize(folded.bytes, Span(0, folded.bytes.count), into: &spans)
                        if !spans.isEmpty { entries.append((spans.map { folded.string($0) }, fieldType)) }
                    }
                }
            }
        }
        self.init(entries)
    }
}
