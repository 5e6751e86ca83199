import Foundation
import Testing

@testable import DossierWeb

/// A resolver that answers from a table, so that names can stand for any address.
struct TableResolver: HostResolver {
    var table: [String: [String]]

    func addresses(of host: String) async throws(FetchError) -> [IPAddress] {
        guard let texts = table[host], !texts.isEmpty else { throw .unresolved(host, host: host) }
        return texts.compactMap(IPAddress.init)
    }
}

@Suite struct AddressGuardTests {
    @Test(arguments: [
        ("127.0.0.1", "127.0.0.1"), ("127.1", "127.0.0.1"), ("2130706433", "127.0.0.1"), ("0x7f.0.0.1", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"), ("0x7f000001", "127.0.0.1"), ("10.0.0.1.", "10.0.0.1"), ("[::1]", "0:0:0:0:0:0:0:1"),
        ("::ffff:10.0.0.1", "0:0:0:0:0:ffff:a00:1"), ("fe80::1%eth0", "fe80:0:0:0:0:0:0:1"), ("2001:db8::", "2001:db8:0:0:0:0:0:0"),
    ])
    func readsLiteralAddresses(text: String, expected: String) {
        #expect(IPAddress(text)?.description == expected)
    }

    @Test(arguments: ["example.com", "256.0.0.1", "1.2.3.4.5", "1::2::3", "::ffff:1.2.3", "12345::", "", "08.0.0.1", "0xg.1", "-1.0.0.1"])
    func refusesNonAddresses(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test(arguments: [
        ("127.0.0.1", AddressKind.loopback), ("127.255.0.9", .loopback), ("10.20.30.40", .private), ("172.16.0.1", .private),
        ("172.31.255.255", .private), ("192.168.1.1", .private), ("169.254.169.254", .linkLocal), ("100.64.0.1", .sharedAddressSpace),
        ("100.127.255.255", .sharedAddressSpace), ("0.0.0.0", .unspecified), ("224.0.0.1", .multicast), ("239.255.255.250", .multicast),
        ("255.255.255.255", .reserved), ("240.0.0.1", .reserved), ("192.0.2.7", .documentation), ("198.51.100.1", .documentation),
        ("203.0.113.9", .documentation), ("198.18.0.1", .benchmarking), ("192.0.0.8", .reserved), ("::1", .loopback),
        ("::", .unspecified), ("fc00::1", .uniqueLocal), ("fd12:3456::1", .uniqueLocal), ("fe80::1", .linkLocal),
        ("ff02::1", .multicast), ("2001:db8::1", .documentation), ("::ffff:127.0.0.1", .loopback), ("::ffff:192.168.0.1", .private),
        ("::ffff:7f00:1", .loopback), ("64:ff9b::10.0.0.1", .private), ("2002:c0a8:0101::1", .private), ("::127.0.0.1", .loopback),
        ("fec0::1", .private), ("100::1", .reserved), ("2001::1", .reserved),
        ("0x7f.1", .loopback), ("8.8.8.8", .global), ("1.1.1.1", .global), ("172.32.0.1", .global), ("100.128.0.1", .global),
        ("2606:4700:4700::1111", .global), ("::ffff:8.8.8.8", .global), ("4000::1", .reserved),
    ])
    func classifiesAddresses(text: String, kind: AddressKind) throws {
        #expect(AddressKind(try #require(IPAddress(text))) == kind)
    }

    static let resolver = TableResolver(table: [
        "news.example": ["93.184.215.14"], "internal.example": ["10.0.0.5"], "mixed.example": ["93.184.215.14", "127.0.0.1"],
        "v6.example": ["2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
    ])

    @Test(arguments: [
        "http://news.example/story", "https://news.example/story", "http://news.example:80/x", "https://v6.example/",
        "http://8.8.8.8/",
    ])
    func letsPublicURLsThrough(url: String) async throws {
        let target = try await AddressGuard(resolver: Self.resolver).check(URL(string: url)!)
        #expect(AddressKind(target.address) == .global)
    }

    @Test(arguments: [
        ("ftp://news.example/file", "scheme"), ("file:///etc/passwd", "scheme"), ("http://news.example:8080/", "port"),
        ("http://user:secret@news.example/", "password"), ("http://internal.example/", "private"),
        ("http://mixed.example/", "loopback"), ("http://127.0.0.1/", "loopback"), ("http://0x7f.1/", "loopback"),
        ("http://2130706433/", "loopback"), ("http://[::1]/", "loopback"), ("http://[::ffff:169.254.169.254]/", "link-local"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"), ("http://0.0.0.0/", "unspecified"),
        ("http://[fd00::1]/", "unique-local"), ("http://100.100.100.200/", "CGNAT"), ("http://unknown.example/", "cannot be resolved"),
        ("http://224.0.0.251/", "multicast"), ("http://192.0.2.1/", "documentation"),
    ])
    func refusesWhatIsNotPublic(url: String, reason: String) async throws {
        do throws(FetchError) {
            _ = try await AddressGuard(resolver: Self.resolver).check(URL(string: url)!)
            Issue.record("\(url) was let through")
        } catch {
            #expect(error.description.contains(reason), "\(error)")
        }
    }

    @Test func allowPrivateLetsThisMachineThroughButNotTheRest() async throws {
        let guardian = AddressGuard(allowPrivate: true, resolver: Self.resolver)
        _ = try await guardian.check(URL(string: "http://127.0.0.1/")!)
        _ = try await guardian.check(URL(string: "http://internal.example/")!)
        await #expect(throws: FetchError.self) { try await guardian.check(URL(string: "http://224.0.0.1/")!) }
    }

    @Test(arguments: [
        ("HTTPS://Example.COM:443/a#top", "https://example.com/a"), ("http://example.com", "http://example.com/"),
        ("http://example.com:8080/x?q=1", "http://example.com:8080/x?q=1"), ("http://EXAMPLE.com:80/#", "http://example.com/"),
    ])
    func canonicalURLs(url: String, expected: String) {
        #expect(URL(string: url)?.canonical?.absoluteString == expected)
    }
}
