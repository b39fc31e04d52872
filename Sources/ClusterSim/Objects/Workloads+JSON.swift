/// Replica sets, deployments and events write their own JSON (see `JSONWritable`): a churning cluster writes each
/// about as often as it writes pods.
extension ReplicaSet: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("metadata", metadata)
        json.field("spec", spec)
        json.field("status", status)
        json.endObject()
    }
}

extension ReplicaSet.Spec: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("replicas", replicas)
        json.field("selector", selector)
        json.field("template", template)
        json.endObject()
    }
}

extension ReplicaSet.Status: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("replicas", replicas)
        json.field("fullyLabeledReplicas", fullyLabeledReplicas)
        json.field("readyReplicas", readyReplicas)
        json.field("availableReplicas", availableReplicas)
        json.field("observedGeneration", observedGeneration)
        json.endObject()
    }
}

extension Deployment: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("metadata", metadata)
        json.field("spec", spec)
        json.field("status", status)
        json.endObject()
    }
}

extension Deployment.Spec: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("replicas", replicas)
        json.field("selector", selector)
        json.field("template", template)
        json.field("strategy", strategy)
        json.field("paused", paused)
        json.field("revisionHistoryLimit", revisionHistoryLimit)
        json.field("progressDeadlineSeconds", progressDeadlineSeconds)
        json.endObject()
    }
}

extension Deployment.Strategy: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("type", type)
        json.field("rollingUpdate", rollingUpdate)
        json.endObject()
    }
}

extension Deployment.Strategy.RollingUpdate: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field(encoding: "maxUnavailable", maxUnavailable)
        json.field(encoding: "maxSurge", maxSurge)
        json.endObject()
    }
}

extension Deployment.Status: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("observedGeneration", observedGeneration)
        json.field("replicas", replicas)
        json.field("updatedReplicas", updatedReplicas)
        json.field("readyReplicas", readyReplicas)
        json.field("availableReplicas", availableReplicas)
        json.field("unavailableReplicas", unavailableReplicas)
        json.field("conditions", conditions)
        json.endObject()
    }
}

extension WorkloadCondition: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("type", type)
        json.field("status", status)
        json.field("lastUpdateTime", lastUpdateTime)
        json.field("lastTransitionTime", lastTransitionTime)
        json.field("reason", reason)
        json.field("message", message)
        json.endObject()
    }
}

extension Event: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("metadata", metadata)
        json.field("involvedObject", involvedObject)
        json.field("reason", reason)
        json.field("message", message)
        json.field("source", source)
        json.field("firstTimestamp", firstTimestamp)
        json.field("lastTimestamp", lastTimestamp)
        json.field("count", count)
        json.field("type", type)
        json.field("eventTime", eventTime)
        json.field("reportingComponent", reportingComponent)
        json.field("reportingInstance", reportingInstance)
        json.endObject()
    }
}

extension Event.Source: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("component", component)
        json.field("host", host)
        json.endObject()
    }
}
