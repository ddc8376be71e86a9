package org.elasticsearch.plugins;

import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link PluginsService} whose plugins are plain classes found on the JVM classpath instead of
 * plugin bundles under {@code <home>/plugins} and {@code <home>/modules}. Same idea as the test
 * framework's MockPluginsService, which is not published.
 *
 * <p>Lives in {@code org.elasticsearch.plugins} because it needs package-private members
 * ({@code loadPlugin}, {@code LoadedPlugin}, {@code loadExtensions}); this only works when the
 * Elasticsearch jars are on the classpath, not the module path.
 */
public class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> classpathPlugins;
    private final PluginsAndModules classpathInfo;

    /**
     * @param environment the node's environment
     * @param emptyLoader a plugins loader without bundles (the super class insists on one)
     * @param pluginClasses plugin classes, keyed by the plugin name to report (e.g. "transport-netty4")
     */
    public ClasspathPluginsService(
        Environment environment,
        PluginsLoader emptyLoader,
        Map<String, Class<? extends Plugin>> pluginClasses
    ) {
        super(environment.settings(), environment.configDir(), emptyLoader);
        Settings settings = environment.settings();
        String esVersion = Build.current().version();
        String javaVersion = Integer.toString(Runtime.version().feature());

        Map<String, LoadedPlugin> loaded = new LinkedHashMap<>();
        List<PluginRuntimeInfo> infos = new ArrayList<>();
        for (Map.Entry<String, Class<? extends Plugin>> e : pluginClasses.entrySet()) {
            Class<? extends Plugin> pluginClass = e.getValue();
            PluginDescriptor descriptor = new PluginDescriptor(
                e.getKey(),
                "classpath plugin " + pluginClass.getName(),
                esVersion,
                esVersion,
                javaVersion,
                pluginClass.getName(),
                null,
                List.of(),
                false,
                false,
                false,
                false
            );
            Plugin instance = loadPlugin(pluginClass, settings, environment.configDir());
            loaded.put(e.getKey(), new LoadedPlugin(descriptor, instance, pluginClass.getClassLoader()));
            infos.add(new PluginRuntimeInfo(descriptor));
        }
        this.classpathPlugins = List.copyOf(loaded.values());
        loadExtensions(this.classpathPlugins);
        this.classpathInfo = new PluginsAndModules(infos, List.of());
    }

    @Override
    protected final List<LoadedPlugin> plugins() {
        return classpathPlugins;
    }

    @Override
    public PluginsAndModules info() {
        return classpathInfo;
    }
}
