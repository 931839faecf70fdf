extension Dataset {
    /// Each district's outline (in district order): the union of its areas' outlines, merged by
    /// their shared edges (`BoundaryTopology`), so a district is one shape with its real border
    /// and holes, not a pile of area polygons. `nil` for a district none of whose areas has an
    /// outline; empty when the dataset has no boundaries.
    public func districtBoundaries() -> [Boundary?] {
        guard !boundaries.isEmpty else { return [] }
        let topology = BoundaryTopology(features: boundaries)
        return topology.mergedBoundaries(group: areas.map(\.district), groups: districts.count)
    }
}
