import Foundation
import HummingbirdTesting
import Testing

/// The web page: `/` and the files under `/web/`, each with its Content-Type, behind the same security headers.
extension RouteTests {
    /// The page's files in the source tree, which the package copies as resources.
    static let webFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/DossierServer/Resources/web").standardizedFileURL

    static let contentTypes = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml", "json": "application/json; charset=utf-8",
    ]

    static var webFiles: [URL] {
        (try? FileManager.default.contentsOfDirectory(at: webFolder, includingPropertiesForKeys: nil)) ?? []
    }

    @Test func theRootServesThePageWithOnlyItsOwnScripts() async throws {
        try await withClient { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.contentSecurityPolicy] == "default-src 'self'")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                let html = String(buffer: response.body)
                let scripts = html.matches(of: /<script\b([^>]*)>/).map { String($0.output.1) }
                #expect(!scripts.isEmpty)
                for attributes in scripts {
                    let source = attributes.firstMatch(of: /\bsrc="([^"]+)"/)?.output.1
                    #expect(source?.hasPrefix("/web/") == true, "a script not served by the page itself: \(attributes)")
                }
                #expect(html.firstMatch(of: /<script\b[^>]*>\s*\S+\s*<\/script>/) == nil, "an inline script")
                #expect(html.firstMatch(of: /\son[a-z]+\s*=/) == nil, "an inline event handler")
                #expect(html.firstMatch(of: /\sstyle\s*=/) == nil, "an inline style")
                #expect(html.firstMatch(of: /(src|href)="(https?:)?\/\//) == nil, "a file from another origin")
            }
        }
    }

    @Test func everyFileIsServedWithItsContentType() async throws {
        let files = Self.webFiles
        #expect(files.count >= 5)
        try await withClient { client in
            for file in files {
                let bytes = try Data(contentsOf: file)
                try await client.execute(uri: "/web/\(file.lastPathComponent)", method: .get) { response in
                    #expect(response.status == .ok, "\(file.lastPathComponent)")
                    #expect(response.headers[.contentType] == Self.contentTypes[file.pathExtension], "\(file.lastPathComponent)")
                    #expect(response.headers[.contentSecurityPolicy] == "default-src 'self'")
                    #expect(Data(response.body.readableBytesView) == bytes)
                }
            }
        }
    }

    @Test func scriptsImportOnlyServedFilesAndNeverWriteHTML() throws {
        let names = Set(Self.webFiles.map(\.lastPathComponent))
        for file in Self.webFiles where file.pathExtension == "js" {
            let script = try String(contentsOf: file, encoding: .utf8)
            for module in script.matches(of: /from '\.\/([^']+)'/) {
                #expect(names.contains(String(module.output.1)), "\(file.lastPathComponent) imports \(module.output.1)")
            }
            #expect(
                script.firstMatch(of: /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/) == nil, "\(file.lastPathComponent)")
        }
    }

    @Test(arguments: ["/web/nothing.js", "/web/..%2FServer.swift", "/web/", "/web/index.html/x", "/index.html"])
    func anUnknownFileIsNotFound(uri: String) async throws {
        try await withClient { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound, "\(uri)")
                expectSafeHeaders(response)
            }
        }
    }
}
