import rule from '../../rules/yum-missing-yes.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    'FROM centos:7\nRUN yum --assumeyes install httpd-2.4.6\n',
    'FROM centos:7\nRUN yum -qy remove httpd\n',
    { name: 'queries do not prompt', code: 'FROM centos:7\nRUN yum list installed && yum clean all\n' },
    { name: 'not yum', code: 'FROM centos:7\nRUN bash -c `# not even a yum command`\n' },
  ],
  invalid: [
    {
      code: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n',
      errors: [{ line: 2, column: 5, endColumn: 28 }],
      output: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    },
    {
      name: 'update and group install, with sudo and continuation lines',
      code: 'FROM centos:7\nRUN sudo yum update \\\n && yum group install "Development Tools"\n',
      errors: 2,
      output: 'FROM centos:7\nRUN sudo yum update -y \\\n && yum group install -y "Development Tools"\n',
    },
    {
      name: 'heredoc script',
      code: 'FROM centos:7\nRUN <<EOF\nyum install httpd-2.4.6\nEOF\n',
      errors: [{ line: 3 }],
      output: 'FROM centos:7\nRUN <<EOF\nyum install -y httpd-2.4.6\nEOF\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM centos:7\nONBUILD RUN yum install httpd-2.4.6\n',
      errors: 1,
      output: 'FROM centos:7\nONBUILD RUN yum install -y httpd-2.4.6\n',
    },
    { name: 'exec form: reported, not fixed', code: 'FROM centos:7\nRUN ["yum", "install", "httpd"]\n', errors: 1 },
  ],
});
