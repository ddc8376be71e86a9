package org.elasticsearch.node;

import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Supplies a {@link ClasspathPluginsService} to the node construction, and builds a {@link Node}
 * from it. Lives in {@code org.elasticsearch.node} because {@link NodeServiceProvider},
 * {@link NodeConstruction#prepareConstruction} and the {@code Node(NodeConstruction)} constructor
 * are package-private (classpath only, not the module path).
 */
public final class ClasspathNodeServiceProvider extends NodeServiceProvider {

    private final Map<String, Class<? extends Plugin>> pluginClasses;

    private ClasspathNodeServiceProvider(Map<String, Class<? extends Plugin>> pluginClasses) {
        this.pluginClasses = new LinkedHashMap<>(pluginClasses);
    }

    @Override
    PluginsService newPluginService(Environment initialEnvironment, PluginsLoader pluginsLoader) {
        return new ClasspathPluginsService(initialEnvironment, pluginsLoader, pluginClasses);
    }

    /**
     * Constructs (does not start) a node whose plugins are the given classpath classes.
     *
     * @param environment   from {@code InternalSettingsPreparer.prepareEnvironment}
     * @param pluginClasses plugin name to plugin class, in load order
     */
    public static Node newNode(Environment environment, Map<String, Class<? extends Plugin>> pluginClasses) {
        PluginsLoader emptyLoader = PluginsLoader.createPluginsLoader(Set.of(), Set.of(), Map.of(), false);
        ClasspathNodeServiceProvider provider = new ClasspathNodeServiceProvider(pluginClasses);
        return new Node(NodeConstruction.prepareConstruction(environment, emptyLoader, provider, true));
    }
}
