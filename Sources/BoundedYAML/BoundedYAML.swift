// CYaml is Yams's copy of libyaml; Yams keeps its event API private, so the pre-scan reads
// libyaml's events directly (the module is visible to Yams's dependents).
import CYaml
import Yams

/// Parses YAML with limits checked before anything is expanded, so a hostile scenario file fails
/// fast with its position instead of hanging or exhausting memory.
///
/// Why: YAML aliases let a few hundred bytes stand for billions of nodes (nine levels of
/// `&a [*b, *b, ...]`). Yams shares aliased nodes while composing, but every reader that walks
/// the tree (our scenario decoder, the batch expander, hashing of keys) expands them. A first
/// pass over libyaml's events measures the document as it would be once expanded — nodes,
/// nesting depth, mapping keys, aliases — in time linear in the text, and refuses it before
/// Yams composes it.
public enum BoundedYAML {
    /// The limits; the defaults are far above any real scenario (the Kent scenario with a
    /// thousand-point batch has under 2,000 nodes).
    public struct Limits: Sendable {
        /// Bytes of text.
        public var bytes = 4 << 20
        /// Nodes once every alias is expanded.
        public var expandedNodes = 200_000
        /// Nesting of mappings and sequences.
        public var depth = 64
        /// Mapping keys in the whole document, aliases expanded.
        public var keys = 100_000
        /// Alias references (`*name`).
        public var aliases = 10_000

        /// The defaults above.
        public init() {}
    }

    /// A limit the document exceeds, where it does (1-based line and column, when known).
    public struct LimitError: Error, Sendable, CustomStringConvertible {
        /// 1-based line of the node that crossed the limit, nil for the whole text.
        public var line: Int?
        /// 1-based column of that node.
        public var column: Int?
        /// What was exceeded, in plain words.
        public var problem: String
        /// `line:column: problem`.
        public var description: String {
            (line.map { "line \($0)" + (column.map { ", column \($0)" } ?? "") + ": " } ?? "") + problem
        }
    }

    /// Checks `yaml` against `limits`, then composes it with Yams. Throws `LimitError`, or
    /// Yams's `YamlError` for text that is not valid YAML.
    public static func compose(yaml: String, limits: Limits = Limits()) throws -> Node? {
        try check(yaml, limits: limits)
        return try Yams.compose(yaml: yaml)
    }

    /// Measures `yaml` without building anything; throws the first limit exceeded. Text that is
    /// not valid YAML passes here (Yams reports it with its own position).
    public static func check(_ yaml: String, limits: Limits = Limits()) throws(LimitError) {
        let byteCount = yaml.utf8.count
        if byteCount > limits.bytes {
            throw LimitError(problem: "the file has \(byteCount) bytes; a scenario may have at most \(limits.bytes)")
        }
        var text = yaml
        let found: LimitError? = text.withUTF8 { buffer in
            do throws(LimitError) { try scan(buffer, limits: limits) } catch { return error }
            return nil
        }
        if let found { throw found }
    }

    private struct Frame {
        var isMapping: Bool
        var anchor: String?
        var size = 1
        var children = 0
    }

    private static func scan(_ buffer: UnsafeBufferPointer<UInt8>, limits: Limits) throws(LimitError) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var anchorSizes: [String: Int] = [:]
        var stack: [Frame] = []
        var expanded = 0, keys = 0, aliases = 0
        let cap = Int.max / 4

        func add(_ size: Int, at mark: yaml_mark_t) throws(LimitError) {
            expanded = min(cap, expanded + size)
            if expanded > limits.expandedNodes {
                throw LimitError(line: mark.line + 1, column: mark.column + 1,
                                 problem: "the document expands to more than \(limits.expandedNodes) values "
                                     + "(YAML aliases repeat what they name); write the values out instead")
            }
        }
        /// Adds a finished node of `size` to its parent, counting mapping keys.
        func attach(_ size: Int, at mark: yaml_mark_t) throws(LimitError) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].size = min(cap, stack[stack.count - 1].size + size)
            stack[stack.count - 1].children += 1
            if stack[stack.count - 1].isMapping, stack[stack.count - 1].children % 2 == 1 {
                keys += 1
                if keys > limits.keys {
                    throw LimitError(line: mark.line + 1, column: mark.column + 1,
                                     problem: "the document has more than \(limits.keys) keys")
                }
            }
        }
        func anchorName(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_SCALAR_EVENT:
                try add(1, at: mark)
                if let anchor = anchorName(event.data.scalar.anchor) { anchorSizes[anchor] = 1 }
                try attach(1, at: mark)
            case YAML_ALIAS_EVENT:
                aliases += 1
                if aliases > limits.aliases {
                    throw LimitError(line: mark.line + 1, column: mark.column + 1,
                                     problem: "the document has more than \(limits.aliases) aliases")
                }
                let size = anchorName(event.data.alias.anchor).flatMap { anchorSizes[$0] } ?? 1
                try add(size, at: mark)
                try attach(size, at: mark)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                try add(1, at: mark)
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = anchorName(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                stack.append(Frame(isMapping: isMapping, anchor: anchor))
                if stack.count > limits.depth {
                    throw LimitError(line: mark.line + 1, column: mark.column + 1,
                                     problem: "values are nested more than \(limits.depth) levels deep")
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return }
                if let anchor = frame.anchor { anchorSizes[anchor] = frame.size }
                try attach(frame.size, at: mark)
            default:
                break
            }
        }
    }
}

extension BoundedYAML {
    /// Where a YAML error is (1-based line and column, when known) and what it is, without the
    /// copy of the offending line Yams's own description carries (a 50 MB line stays out of the
    /// message).
    public static func location(of error: Error) -> (line: Int?, column: Int?, problem: String) {
        switch error {
        case let error as LimitError:
            return (error.line, error.column, error.problem)
        case let YamlError.scanner(_, problem, mark, _), let YamlError.parser(_, problem, mark, _),
             let YamlError.composer(_, problem, mark, _):
            return (mark.line, mark.column, problem)
        case let YamlError.reader(problem, offset, _, _):
            return (nil, nil, problem + (offset.map { " at byte \($0)" } ?? ""))
        case let YamlError.duplicatedKeysInMapping(duplicates, context):
            return (context.mark.line, context.mark.column,
                    "duplicate keys " + duplicates.prefix(5).map { "`\(String($0.prefix(40)))`" }.joined(separator: ", "))
        default:
            let text = String(describing: error)
            return (nil, nil, text.count > 200 ? String(text.prefix(200)) + "..." : text)
        }
    }
}
