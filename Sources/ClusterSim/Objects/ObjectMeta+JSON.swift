/// Object metadata writes its own JSON (see `JSONWritable`): every object the store writes most holds one.
extension ObjectMeta: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("name", name)
        json.field("generateName", generateName)
        json.field("namespace", namespace)
        json.field("uid", uid)
        json.field("resourceVersion", resourceVersion)
        json.field("generation", generation)
        json.field("creationTimestamp", creationTimestamp)
        json.field("deletionTimestamp", deletionTimestamp)
        json.field("deletionGracePeriodSeconds", deletionGracePeriodSeconds)
        json.field("labels", labels)
        json.field("annotations", annotations)
        json.field("ownerReferences", ownerReferences)
        json.field("finalizers", finalizers)
        json.field("managedFields", managedFields)
        json.endObject()
    }
}

extension ManagedFieldsEntry: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("manager", manager)
        json.field("operation", operation)
        json.field("apiVersion", apiVersion)
        json.field("time", time)
        json.field("fieldsType", fieldsType)
        json.field(encoding: "fieldsV1", fieldsV1)
        json.field("subresource", subresource)
        json.endObject()
    }
}

extension OwnerReference: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("apiVersion", apiVersion)
        json.field("kind", kind)
        json.field("name", name)
        json.field("uid", uid)
        json.field("controller", controller)
        json.field("blockOwnerDeletion", blockOwnerDeletion)
        json.endObject()
    }
}

extension LabelSelector: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("matchLabels", matchLabels)
        json.field("matchExpressions", matchExpressions)
        json.endObject()
    }
}

extension LabelSelector.Requirement: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("key", key)
        json.field("operator", `operator`)
        json.field("values", values)
        json.endObject()
    }
}

extension ObjectReference: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("kind", kind)
        json.field("namespace", namespace)
        json.field("name", name)
        json.field("uid", uid)
        json.field("apiVersion", apiVersion)
        json.field("resourceVersion", resourceVersion)
        json.field("fieldPath", fieldPath)
        json.endObject()
    }
}
