"""The native messaging host `com.tousu.helper`: the browser launches it, it finds or starts the
helper and hands the extension a port and a token. `install` registers it with the browsers."""

HOST_NAME = "com.tousu.helper"
