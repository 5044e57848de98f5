// Prints the path of a Chromium binary unpacked from the @sparticuz/chromium package (into the
// system's temporary folder; a second call reuses it). Used by tests/conftest.py when the machine
// has no Chromium of its own.
import chromium from "@sparticuz/chromium";

console.log(await chromium.executablePath());
