package io.tributary.connector.host;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;

/**
 * Wraps a connector's SPI objects so every call into them runs with the connector's own class
 * loader as the thread's context class loader: libraries inside a plugin (ServiceLoader users,
 * JSON and logging libraries) look classes up through it and must find the plugin's, not the
 * server's. The host wraps plugin connectors once, when it installs them.
 */
final class CallsIn {

    private CallsIn() {
    }

    /**
     * A view of {@code target} through {@code type} whose every call runs under {@code loader}.
     *
     * @param type an SPI interface the target implements
     * @param target the connector's object
     * @param loader the connector's class loader
     * @param <T> the interface
     * @return the wrapped object; {@code target} itself when {@code loader} is null
     */
    static <T> T contextOf(Class<T> type, T target, ClassLoader loader) {
        Objects.requireNonNull(target, "target");
        if (loader == null) {
            return target;
        }
        InvocationHandler handler = new Handler(target, loader);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private record Handler(Object target, ClassLoader loader) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "CallsIn[" + target + "]";
                };
            }
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause(); // the connector's own exception, as if called directly
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }
}
