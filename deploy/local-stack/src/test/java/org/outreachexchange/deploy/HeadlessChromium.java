package org.outreachexchange.deploy;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Debian's Chromium, headless, with a fresh profile; installed by {@code deploy/install-browser.sh} when missing. */
final class HeadlessChromium {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /**
     * A browser with its own profile under {@code profile}. The flags keep Chromium off the network it has no business
     * with (this machine's network is closed; without them it opens many refused connections at every start).
     */
    static WebDriver start(Path repositoryRoot, Path profile) throws IOException, InterruptedException {
        install(repositoryRoot);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--lang=en-US", "--window-size=1280,900", "--user-data-dir=" + Files.createDirectories(profile));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    private static synchronized void install(Path repositoryRoot) throws IOException, InterruptedException {
        if (CHROMIUM.canExecute() && CHROMEDRIVER.canExecute()) {
            return;
        }
        Process install = new ProcessBuilder(repositoryRoot.resolve("deploy/install-browser.sh").toString()).inheritIO().start();
        if (install.waitFor() != 0 || !CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            throw new IllegalStateException("Chromium and chromedriver are missing and deploy/install-browser.sh could not"
                    + " install them; install Debian's chromium and chromium-driver packages");
        }
    }
}
