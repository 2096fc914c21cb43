import { routeOf } from '../lib/routes.ts';
import { DetailPage } from './detail-page.tsx';
import { HealthPage } from './health-page.tsx';
import { Layout } from './layout.tsx';
import { ListPage } from './list-page.tsx';
import { LoginPage } from './login-page.tsx';
import { Link, RouterProvider, useRouter } from './router.tsx';
import { SessionGate } from './session.tsx';

function Pages() {
  const route = routeOf(useRouter().place.path);
  switch (route.page) {
    case 'messages':
      return <ListPage />;
    case 'message':
      return <DetailPage key={route.id} id={route.id} />;
    case 'health':
      return <HealthPage />;
    default:
      return (
        <p>
          No such page. <Link to="">Go to the messages.</Link>
        </p>
      );
  }
}

/** The dashboard: sign-in first, then the pages under the shared layout. */
export function App() {
  return (
    <RouterProvider>
      <SessionGate signIn={(props) => <LoginPage {...props} />}>
        <Layout>
          <Pages />
        </Layout>
      </SessionGate>
    </RouterProvider>
  );
}
