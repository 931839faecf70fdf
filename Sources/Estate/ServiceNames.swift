/// What every output calls each service, by code: its `name:` when the scenario gives one, else
/// the code in words (`ServiceDefinition.name(forCode:)`). Plans made from a scenario and plans
/// read back from a folder (whose `summary.json` records the names) look names up here alike.
public struct ServiceNames: Sendable, Equatable {
    /// Names given, by code; a code not here takes the default rule.
    public var byCode: [String: String]

    public init(byCode: [String: String] = [:]) {
        self.byCode = byCode
    }

    /// The names of a scenario's services.
    public init(_ services: [ServiceDefinition]) {
        byCode = Dictionary(services.map { ($0.code, $0.displayName) }, uniquingKeysWith: { first, _ in first })
    }

    /// The service's name as a table or legend shows it.
    public subscript(code: String) -> String { byCode[code] ?? ServiceDefinition.name(forCode: code) }

    /// The name inside a sentence ("raise youth activities coverage"): a capital that only
    /// starts the name is lowered, an acronym's ("SEND advice") is kept.
    public func inSentence(_ code: String) -> String {
        let name = self[code]
        let firstWord = name.prefix { $0 != " " }
        guard let first = firstWord.first, first.isUppercase, firstWord.dropFirst().allSatisfy({ !$0.isUppercase }) else {
            return name
        }
        return first.lowercased() + name.dropFirst()
    }
}

extension Scenario {
    /// What outputs call this scenario's services.
    public var serviceNames: ServiceNames { ServiceNames(services) }
}
