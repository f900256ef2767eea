namespace SecretsManager.Local.Tests.Infrastructure;

/// <summary>
/// A tiny external rotation function (python3, standard library only). It reads the Lambda event from stdin, logs the
/// step, and does what an AWS rotation Lambda does against the endpoint named by AWS_ENDPOINT_URL: createSecret puts an
/// AWSPENDING version, testSecret reads it back (logging "token value" to LOG.pending), finishSecret moves AWSCURRENT onto it. "--fail-at STEP" makes that step exit with code 3.
/// </summary>
public static class RotationScript
{
    public const string Source = """
        import datetime, hashlib, hmac, json, os, sys, urllib.request, urllib.error

        log_path = sys.argv[1]
        fail_at = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--fail-at" else None
        event = json.loads(sys.stdin.read())
        step, secret_id, token = event["Step"], event["SecretId"], event["ClientRequestToken"]
        endpoint = os.environ["AWS_ENDPOINT_URL"].rstrip("/")
        region = os.environ["AWS_REGION"]
        with open(log_path, "a") as log:
            log.write("STEP %s %s %s %s\n" % (step, secret_id, token, endpoint))

        def call(op, body):
            data = json.dumps(body).encode()
            now = datetime.datetime.now(datetime.timezone.utc)
            amz_date, date = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
            host = endpoint.split("://", 1)[1]
            target = "secretsmanager." + op
            headers = {"content-type": "application/x-amz-json-1.1", "host": host, "x-amz-date": amz_date, "x-amz-target": target}
            signed = ";".join(sorted(headers))
            canonical = "\n".join(["POST", "/", "", "".join("%s:%s\n" % (k, headers[k]) for k in sorted(headers)), signed,
                                   hashlib.sha256(data).hexdigest()])
            scope = "%s/%s/secretsmanager/aws4_request" % (date, region)
            to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
            key = ("AWS4" + os.environ["AWS_SECRET_ACCESS_KEY"]).encode()
            for part in (date, region, "secretsmanager", "aws4_request"):
                key = hmac.new(key, part.encode(), hashlib.sha256).digest()
            signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
            request = urllib.request.Request(endpoint + "/", data=data, method="POST", headers={
                "Content-Type": headers["content-type"], "X-Amz-Date": amz_date, "X-Amz-Target": target,
                "Authorization": "AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s"
                                 % (os.environ["AWS_ACCESS_KEY_ID"], scope, signed, signature)})
            opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
            try:
                with opener.open(request, timeout=30) as response:
                    return json.loads(response.read() or b"{}")
            except urllib.error.HTTPError as e:
                return {"__error": json.loads(e.read() or b"{}")}

        if step == fail_at:
            sys.stderr.write("failing on purpose at %s\n" % step)
            sys.exit(3)
        if step == "createSecret":
            existing = call("GetSecretValue", {"SecretId": secret_id, "VersionId": token, "VersionStage": "AWSPENDING"})
            if "__error" in existing:
                result = call("PutSecretValue", {"SecretId": secret_id, "ClientRequestToken": token,
                                                 "SecretString": "rotated-by-script", "VersionStages": ["AWSPENDING"]})
                if "__error" in result:
                    sys.stderr.write("PutSecretValue failed: %s\n" % result)
                    sys.exit(4)
        elif step == "testSecret":
            pending = call("GetSecretValue", {"SecretId": secret_id, "VersionId": token, "VersionStage": "AWSPENDING"})
            if "__error" in pending:
                sys.stderr.write("no AWSPENDING version %s to test: %s\n" % (token, pending))
                sys.exit(6)
            with open(log_path + ".pending", "a") as tested:
                tested.write("%s %s\n" % (token, pending.get("SecretString")))
        elif step == "finishSecret":
            described = call("DescribeSecret", {"SecretId": secret_id})
            current = [v for v, s in described.get("VersionIdsToStages", {}).items() if "AWSCURRENT" in s][0]
            if current != token:
                result = call("UpdateSecretVersionStage", {"SecretId": secret_id, "VersionStage": "AWSCURRENT",
                                                           "MoveToVersionId": token, "RemoveFromVersionId": current})
                if "__error" in result:
                    sys.stderr.write("UpdateSecretVersionStage failed: %s\n" % result)
                    sys.exit(5)
        """;
}
