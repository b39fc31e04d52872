/// Pods write their own JSON (see `JSONWritable`): the store encodes one on every pod write.
extension Pod: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("metadata", metadata)
        json.field("spec", spec)
        json.field("status", status)
        json.endObject()
    }
}

extension PodTemplateSpec: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("metadata", metadata)
        json.field("spec", spec)
        json.endObject()
    }
}

extension PodSpec: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("containers", containers)
        json.field("initContainers", initContainers)
        json.field("volumes", volumes)
        json.field("restartPolicy", restartPolicy)
        json.field("terminationGracePeriodSeconds", terminationGracePeriodSeconds)
        json.field("activeDeadlineSeconds", activeDeadlineSeconds)
        json.field("dnsPolicy", dnsPolicy)
        json.field("serviceAccountName", serviceAccountName)
        json.field("serviceAccount", serviceAccount)
        json.field("nodeName", nodeName)
        json.field("securityContext", securityContext)
        json.field("nodeSelector", nodeSelector)
        json.field("schedulerName", schedulerName)
        json.field("priorityClassName", priorityClassName)
        json.field("priority", priority)
        json.field("enableServiceLinks", enableServiceLinks)
        json.field("preemptionPolicy", preemptionPolicy)
        json.field("tolerations", tolerations)
        json.endObject()
    }
}

extension Container: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("name", name)
        json.field("image", image)
        json.field("args", args)
        json.field("ports", ports)
        json.field("env", env)
        json.field("resources", resources)
        json.field("resizePolicy", resizePolicy)
        json.field("volumeMounts", volumeMounts)
        json.field("terminationMessagePath", terminationMessagePath)
        json.field("terminationMessagePolicy", terminationMessagePolicy)
        json.field("imagePullPolicy", imagePullPolicy)
        json.endObject()
    }
}

extension ContainerPort: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("name", name)
        json.field("containerPort", containerPort)
        json.field("protocol", `protocol`)
        json.endObject()
    }
}

extension EnvVar: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("name", name)
        json.field("value", value)
        json.endObject()
    }
}

extension ContainerResizePolicy: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("resourceName", resourceName)
        json.field("restartPolicy", restartPolicy)
        json.endObject()
    }
}

extension VolumeMount: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("name", name)
        json.field("mountPath", mountPath)
        json.field("readOnly", readOnly)
        json.endObject()
    }
}

extension Volume: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("name", name)
        json.field("emptyDir", emptyDir)
        json.field("hostPath", hostPath)
        json.field("secret", secret)
        json.endObject()
    }
}

extension Volume.EmptyDir: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("sizeLimit", sizeLimit)
        json.endObject()
    }
}

extension Volume.HostPath: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("path", path)
        json.field("type", type)
        json.endObject()
    }
}

extension Volume.SecretSource: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("secretName", secretName)
        json.endObject()
    }
}

extension Toleration: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("key", key)
        json.field("operator", `operator`)
        json.field("value", value)
        json.field("effect", effect)
        json.field("tolerationSeconds", tolerationSeconds)
        json.endObject()
    }
}

extension ResourceRequirements: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("limits", limits)
        json.field("requests", requests)
        json.endObject()
    }
}

extension PodStatus: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("phase", phase)
        json.field("conditions", conditions)
        json.field("message", message)
        json.field("reason", reason)
        json.field("hostIP", hostIP)
        json.field("hostIPs", hostIPs)
        json.field("podIP", podIP)
        json.field("podIPs", podIPs)
        json.field("startTime", startTime)
        json.field("containerStatuses", containerStatuses)
        json.field("qosClass", qosClass)
        json.field("observedGeneration", observedGeneration)
        json.endObject()
    }
}

extension PodIP: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("ip", ip)
        json.endObject()
    }
}

extension PodCondition: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("type", type)
        json.field("status", status)
        json.field("reason", reason)
        json.field("message", message)
        json.field("lastProbeTime", lastProbeTime)
        json.field("lastTransitionTime", lastTransitionTime)
        json.field("observedGeneration", observedGeneration)
        json.endObject()
    }
}

extension ContainerStatus: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("name", name)
        json.field("state", state)
        json.field("lastState", lastState)
        json.field("ready", ready)
        json.field("restartCount", restartCount)
        json.field("image", image)
        json.field("imageID", imageID)
        json.field("containerID", containerID)
        json.field("started", started)
        json.field("allocatedResources", allocatedResources)
        json.field("resources", resources)
        json.endObject()
    }
}

extension ContainerState: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("waiting", waiting)
        json.field("running", running)
        json.field("terminated", terminated)
        json.endObject()
    }
}

extension ContainerState.Waiting: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("reason", reason)
        json.field("message", message)
        json.endObject()
    }
}

extension ContainerState.Running: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("startedAt", startedAt)
        json.endObject()
    }
}

extension ContainerState.Terminated: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("exitCode", exitCode)
        json.field("reason", reason)
        json.field("message", message)
        json.field("startedAt", startedAt)
        json.field("finishedAt", finishedAt)
        json.field("containerID", containerID)
        json.endObject()
    }
}
