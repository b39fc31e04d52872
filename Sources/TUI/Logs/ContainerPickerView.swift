/// The list of a pod's containers shown before its log opens: name, state, restarts and how the last run ended.
public struct ContainerPickerView {
    public var picker: ContainerPicker

    public init(picker: ContainerPicker) {
        self.picker = picker
    }

    public var modal: Modal {
        let containers = picker.subject.containers
        let nameWidth = min(30, containers.map(\.name.displayWidth).max() ?? 0)
        let stateWidth = min(24, containers.map(\.state.displayWidth).max() ?? 0)
        let lines = containers.enumerated().map { index, container in
            var text =
                (index == picker.cursor ? "› " : "  ") + container.name.padded(toWidth: nameWidth) + "  "
                + container.state.padded(toWidth: stateWidth)
            if container.restarts > 0 { text += "  \(container.restarts) restarts" }
            if let last = container.lastTermination { text += ", last: \(last)" }
            return StyledLine(text, role: index == picker.cursor ? .rowSelected : .modal)
        }
        return Modal(title: "Log of \(picker.subject.pod): which container?", lines: lines, maximumWidth: 100)
    }

    public func render(in body: Rect, on screen: inout Screen) {
        var modal = self.modal
        modal.scrollOffset = max(0, picker.cursor - modal.visibleLineCount(in: body) + 1)
        modal.render(in: body, on: &screen)
    }
}
