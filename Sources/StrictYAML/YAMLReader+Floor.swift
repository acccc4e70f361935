import CLibYAML

extension YAMLReader {
    /// Runs libyaml's event loop over `buffer` and counts the events, building nothing.
    ///
    /// This is the benchmarks' floor: the least any reader built on libyaml's events can cost
    /// for the same bytes. Returns nil if libyaml reports an error.
    public static func countEvents(in buffer: UnsafeRawBufferPointer) -> Int? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return nil }
        defer { yaml_parser_delete(parser) }
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        yaml_parser_set_input_string(parser, base, buffer.count)
        var event = yaml_event_t()
        var count = 0
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else { return nil }
            count += 1
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if done { return count }
        }
    }
}
