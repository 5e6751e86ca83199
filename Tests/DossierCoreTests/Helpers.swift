import DossierCore

/// Runs the standard pipeline on a text written for a test.
func analyse(_ text: String, title: String? = nil) throws -> Document {
    var document = Document(text: text, source: "test", given: GivenMetadata(title: title))
    try Pipeline(Pipeline.reading()).run(&document)
    return document
}

/// The tokens of a one-paragraph text, as strings.
func tokens(_ text: String) throws -> [String] {
    let document = try analyse(text, title: "")
    return document.tokens.map { document.string($0.span) }
}

/// The sentences of a text, as strings.
func sentences(_ text: String) throws -> [String] {
    let document = try analyse(text, title: "")
    return document.sentences.map { document.string($0.span) }
}

extension Document {
    /// The text of every block with a role.
    func blocks(_ role: Block.Role) -> [String] {
        blocks.filter { $0.role == role }.map { string($0.span) }
    }
}
